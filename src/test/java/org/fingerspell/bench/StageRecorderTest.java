package org.fingerspell.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StageRecorderTest {

    @Test
    void stagesThatDidNotRun_haveNoSample() {
        StageRecorder recorder = new StageRecorder();
        frame(recorder, Stage.DECODE, Stage.DETECTION, Stage.CROP_PREPROCESS, Stage.CLASSIFIER);
        frame(recorder, Stage.DECODE, Stage.TRACKING, Stage.CROP_PREPROCESS, Stage.CLASSIFIER);
        frame(recorder, Stage.DECODE, Stage.TRACKING, Stage.CROP_PREPROCESS);
        assertEquals(3, recorder.frames());
        assertEquals(3, recorder.samples(Stage.DECODE).length);
        assertEquals(1, recorder.samples(Stage.DETECTION).length);
        assertEquals(2, recorder.samples(Stage.TRACKING).length);
        assertEquals(2, recorder.samples(Stage.CLASSIFIER).length);
        assertEquals(3, recorder.samples(Stage.POSTPROCESS).length, "end() always closes with post-processing");
    }

    @Test
    void stagesOfAFrame_addUpToItsEndToEndTime() {
        StageRecorder recorder = new StageRecorder();
        frame(recorder, Stage.DECODE, Stage.DETECTION, Stage.CROP_PREPROCESS, Stage.CLASSIFIER,
                Stage.CROP_PREPROCESS);
        long sum = 0;
        for (Stage stage : Stage.values()) {
            for (long nanos : recorder.samples(stage)) {
                sum += nanos;
            }
        }
        assertEquals(recorder.endToEnd()[0], sum);
        assertEquals(1, recorder.samples(Stage.CROP_PREPROCESS).length, "two laps of one stage are one sample");
        assertEquals(recorder.endToEnd()[0] - recorder.samples(Stage.DECODE)[0], recorder.compute()[0]);
    }

    @Test
    void reset_dropsTheWarmUp() {
        StageRecorder recorder = new StageRecorder();
        frame(recorder, Stage.DECODE);
        recorder.reset();
        assertEquals(0, recorder.frames());
        assertArrayEquals(new long[0], recorder.samples(Stage.DECODE));
        frame(recorder, Stage.DECODE);
        assertEquals(1, recorder.frames());
    }

    @Test
    void lapsOutsideAFrame_areIgnored() {
        StageRecorder recorder = new StageRecorder();
        recorder.lap(Stage.CLASSIFIER);
        assertEquals(0, recorder.samples(Stage.CLASSIFIER).length);
        assertThrows(IllegalStateException.class, recorder::end);
    }

    @Test
    void manyFrames_growPastTheInitialCapacity() {
        StageRecorder recorder = new StageRecorder();
        for (int i = 0; i < 1000; i++) {
            frame(recorder, Stage.DECODE);
        }
        assertEquals(1000, recorder.samples(Stage.DECODE).length);
    }

    private static void frame(StageRecorder recorder, Stage... laps) {
        recorder.begin();
        for (Stage stage : laps) {
            recorder.lap(stage);
        }
        recorder.end();
    }
}
