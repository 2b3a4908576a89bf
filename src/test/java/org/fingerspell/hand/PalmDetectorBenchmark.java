package org.fingerspell.hand;

import org.fingerspell.image.ImageLoader;
import org.opencv.core.Core;
import org.opencv.core.Mat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Not a timed test: prints the palm detector's latency per frame, and what tracking saves on a video-like
 * sequence (consecutive Kaggle frame numbers of one class, which were video frames). Wall time depends on what
 * else the machine runs; with one OpenCV thread (third argument 1) the thread's CPU time is the latency an idle
 * core would give.
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.fingerspell.hand.PalmDetectorBenchmark \
 *     [../shared/data/kaggle-train/B] [frames] [opencv-threads]
 * </pre>
 */
public final class PalmDetectorBenchmark {

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final Pattern FRAME = Pattern.compile("(\\d+)\\.\\w+$");

    public static void main(String[] args) throws Exception {
        Path classDir = Path.of(args.length > 0 ? args[0] : "../shared/data/kaggle-train/B");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        org.fingerspell.image.OpenCv.load();
        if (args.length > 2) {
            Core.setNumThreads(Integer.parseInt(args[2]));
        }
        Path model = DetectorLocator.find().orElseThrow(() -> new IllegalStateException("no palm detector"));
        List<Mat> frames = loadSequence(classDir, count);
        System.out.printf(Locale.ROOT, "%d frames of %s in frame-number order; OpenCV %s, %d threads, %s%n",
                frames.size(), classDir, Core.VERSION, Core.getNumThreads(), System.getProperty("os.arch"));
        try (PalmDetector detector = new PalmDetector(model)) {
            for (int i = 0; i < 20; i++) {
                detector.detect(frames.get(i % frames.size()), 0);
            }
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            int found = 0;
            for (Mat frame : frames) {
                found += detector.detect(frame, 0.25).isEmpty() ? 0 : 1;
            }
            double perFrame = (System.nanoTime() - start) / 1e6 / frames.size();
            double cpuPerFrame = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e6 / frames.size();
            System.out.printf(Locale.ROOT, "detector alone, one pass: %.2f ms/frame wall, %.2f ms CPU of this thread "
                    + "(letterbox + network + decoding + NMS), palm found in %d/%d%n", perFrame, cpuPerFrame, found,
                    frames.size());
        }
        run("every frame detected", frames, model, HandCropper.Tracking.OFF);
        run("tracking (re-detect every 5)", frames, model, HandCropper.Tracking.live());
        run("tracking (re-detect every 10)", frames, model, new HandCropper.Tracking(true, 10, 0.5));
        frames.forEach(Mat::release);
    }

    private static void run(String name, List<Mat> frames, Path model, HandCropper.Tracking tracking) {
        try (HandCropper cropper = new HandCropper(new PalmDetector(model), HandCropper.DEFAULT_MARGIN,
                HandCropper.DEFAULT_ROTATE_UPRIGHT,
                tracking.enabled() ? HandCropper.LIVE_ATTEMPTS : HandCropper.STILL_ATTEMPTS, tracking)) {
            for (int i = 0; i < 10; i++) {
                cropper.crop(frames.get(i)).close();
            }
            cropper.reset();
            long runsBefore = cropper.detectorRuns();
            int withHand = 0;
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            for (Mat frame : frames) {
                try (Crop crop = cropper.crop(frame)) {
                    withHand += crop.handFound() ? 1 : 0;
                }
            }
            double perFrame = (System.nanoTime() - start) / 1e6 / frames.size();
            double cpuPerFrame = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e6 / frames.size();
            System.out.printf(Locale.ROOT, "%-30s %7.2f ms/frame wall, %7.2f ms CPU (crop included); detector ran "
                            + "%d times for %d frames, hand in %d%n", name, perFrame, cpuPerFrame,
                    cropper.detectorRuns() - runsBefore, frames.size(), withHand);
        }
    }

    private static List<Mat> loadSequence(Path classDir, int count) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(classDir)) {
            files = list.filter(p -> FRAME.matcher(p.getFileName().toString()).find())
                    .sorted(Comparator.comparingInt(PalmDetectorBenchmark::frameNumber))
                    .limit(count)
                    .toList();
        }
        ImageLoader loader = new ImageLoader();
        List<Mat> frames = new ArrayList<>();
        for (Path file : files) {
            try {
                frames.add(loader.load(file).bgr());
            } catch (Exception e) {
                System.err.println("skipped " + e.getMessage());
            }
        }
        return frames;
    }

    private static int frameNumber(Path file) {
        Matcher m = FRAME.matcher(file.getFileName().toString());
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
