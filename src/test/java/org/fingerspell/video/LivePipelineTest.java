package org.fingerspell.video;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LivePipelineTest {

    /** Collects what the pipeline reports. */
    static final class Recorder implements LivePipeline.Listener {
        final List<Reading> readings = new CopyOnWriteArrayList<>();
        final List<SourceStatus> statuses = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicInteger displays = new AtomicInteger();
        final CountDownLatch ended = new CountDownLatch(1);
        LivePipeline pipeline;

        @Override
        public void displayReady() {
            displays.incrementAndGet();
            pipeline.display().acquire();
        }

        @Override
        public void reading(Reading reading) {
            readings.add(reading);
        }

        @Override
        public void readingFailed(String message) {
            failures.add(message);
        }

        @Override
        public void sourceStatus(SourceStatus status) {
            statuses.add(status);
            if (status.state() == SourceStatus.State.ENDED || status.state() == SourceStatus.State.NOT_FOUND) {
                ended.countDown();
            }
        }

        boolean saw(SourceStatus.State state) {
            return statuses.stream().anyMatch(s -> s.state() == state);
        }
    }

    @Test
    void start_readsEveryClassAndEnds_forFileLikeSource() throws Exception {
        Recorder recorder = new Recorder();
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        FakeSources.GreyReader reader = new FakeSources.GreyReader(0);
        try (LivePipeline pipeline = new LivePipeline(
                () -> new FakeSources.ScriptedSource("C", 40, -1, false, opened, closed), recorder)) {
            recorder.pipeline = pipeline;
            pipeline.attachReaders(() -> reader);
            pipeline.start();
            assertTrue(recorder.ended.await(10, TimeUnit.SECONDS));
            Thread.sleep(200);
            assertFalse(recorder.readings.isEmpty());
            assertTrue(recorder.readings.stream().allMatch(r -> r.result().classification().label().equals("C")));
            assertEquals(40, pipeline.stats().captured());
            assertTrue(recorder.displays.get() > 0);
        }
        assertEquals(1, closed.get());
        assertEquals(1, reader.closed.get());
    }

    @Test
    void start_dropsStaleFrames_whenInferenceIsSlow() throws Exception {
        Recorder recorder = new Recorder();
        AtomicInteger counter = new AtomicInteger();
        try (LivePipeline pipeline = new LivePipeline(
                () -> new FakeSources.ScriptedSource("A", 200, -1, false, counter, counter), recorder)) {
            recorder.pipeline = pipeline;
            pipeline.attachReaders(() -> new FakeSources.GreyReader(40));
            pipeline.start();
            assertTrue(recorder.ended.await(10, TimeUnit.SECONDS));
            PipelineStats stats = pipeline.stats();
            assertEquals(200, stats.captured());
            assertTrue(stats.dropped() > 100, "dropped " + stats.dropped());
            assertTrue(stats.inferred() < 100, "inferred " + stats.inferred());
        }
    }

    @Test
    void start_reconnects_whenLiveSourceIsLost() throws Exception {
        Recorder recorder = new Recorder();
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        try (LivePipeline pipeline = new LivePipeline(() -> opened.get() == 0
                ? new FakeSources.ScriptedSource("B", -1, 10, true, opened, closed)
                : new FakeSources.ScriptedSource("B", -1, -1, true, opened, closed), recorder, new long[] {50})) {
            recorder.pipeline = pipeline;
            pipeline.attachReaders(() -> new FakeSources.GreyReader(0));
            pipeline.start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (opened.get() < 2 || pipeline.stats().captured() < 30) {
                assertTrue(System.currentTimeMillis() < deadline, "no reconnection: " + recorder.statuses);
                Thread.sleep(20);
            }
            assertTrue(recorder.saw(SourceStatus.State.RECONNECTING));
            assertEquals(SourceStatus.State.RUNNING, recorder.statuses.get(recorder.statuses.size() - 1).state());
            assertTrue(pipeline.stats().captureAlive());
            assertTrue(pipeline.stats().inferenceAlive());
        }
    }

    @Test
    void start_reportsNotFound_whenSourceMissing() throws Exception {
        Recorder recorder = new Recorder();
        try (LivePipeline pipeline = new LivePipeline(
                () -> new FolderSource(java.nio.file.Path.of("/no/such/folder"), 30, false), recorder)) {
            recorder.pipeline = pipeline;
            pipeline.start();
            assertTrue(recorder.ended.await(5, TimeUnit.SECONDS));
            assertTrue(recorder.saw(SourceStatus.State.NOT_FOUND));
        }
    }

    @Test
    void start_survivesReaderExceptions() throws Exception {
        Recorder recorder = new Recorder();
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        FrameReader flaky = new FrameReader() {
            final FakeSources.GreyReader inner = new FakeSources.GreyReader(2);

            @Override
            public FrameResult classify(org.opencv.core.Mat bgr) {
                if (calls.incrementAndGet() % 3 == 0) {
                    throw new IllegalStateException("boom");
                }
                return inner.classify(bgr);
            }

            @Override
            public void close() {
            }
        };
        try (LivePipeline pipeline = new LivePipeline(
                () -> new FakeSources.ScriptedSource("D", 100, -1, false, counter, counter), recorder)) {
            recorder.pipeline = pipeline;
            pipeline.attachReaders(() -> flaky);
            pipeline.start();
            assertTrue(recorder.ended.await(10, TimeUnit.SECONDS));
            Thread.sleep(100);
            assertTrue(pipeline.stats().errors() > 0);
            assertTrue(pipeline.stats().inferenceAlive());
            assertFalse(recorder.failures.isEmpty());
            assertFalse(recorder.readings.isEmpty());
        }
    }

    @Test
    void close_releasesEveryFrame() throws Exception {
        int before = Frame.openCount();
        Recorder recorder = new Recorder();
        AtomicInteger counter = new AtomicInteger();
        LivePipeline pipeline = new LivePipeline(
                () -> new FakeSources.ScriptedSource("E", -1, -1, true, counter, counter), recorder);
        recorder.pipeline = pipeline;
        pipeline.attachReaders(() -> new FakeSources.GreyReader(15));
        pipeline.start();
        Thread.sleep(500);
        pipeline.close();
        assertFalse(pipeline.stats().captureAlive());
        assertFalse(pipeline.stats().inferenceAlive());
        assertEquals(before, Frame.openCount());
        assertTrue(recorder.saw(SourceStatus.State.STOPPED));
    }

    @Test
    void start_neverRunsGrabOrInferenceOnCallerThread() throws Exception {
        Recorder recorder = new Recorder();
        AtomicInteger counter = new AtomicInteger();
        ThreadLog.shared().clear();
        try (LivePipeline pipeline = new LivePipeline(
                () -> new FakeSources.ScriptedSource("F", 20, -1, false, counter, counter), recorder)) {
            recorder.pipeline = pipeline;
            pipeline.attachReaders(() -> new FakeSources.GreyReader(0));
            pipeline.start();
            assertTrue(recorder.ended.await(5, TimeUnit.SECONDS));
        }
        var threads = ThreadLog.shared().snapshot();
        assertEquals(java.util.Set.of("fingerspell-capture"), threads.get(ThreadLog.GRAB));
        assertEquals(java.util.Set.of("fingerspell-inference"), threads.get(ThreadLog.INFERENCE));
    }
}
