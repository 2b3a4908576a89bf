package org.fingerspell.bench;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.hand.DetectorLocator;
import org.fingerspell.hand.PalmDetector;
import org.fingerspell.hand.RegionCutter;
import org.fingerspell.image.OpenCv;
import org.fingerspell.model.ClassifierSession;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.ExposureLift;
import org.fingerspell.model.OnnxClassifier;
import org.fingerspell.model.Preprocessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmarks of the per-frame hot stages, on a real 640×480 frame (the first frame of the benchmark's
 * kaggle-train sequence) and the committed model. Not part of {@code mvn verify}; run after {@code mvn test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.openjdk.jmh.Main HotStagesBenchmark \
 *     -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 * {@code tensorFromHeapArray} is how DJL was fed before (a wrapped heap array, which ONNX Runtime copies into a
 * fresh direct buffer every frame); {@code tensorFromReusedDirectBuffer} is what {@link ClassifierSession} does now.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class HotStagesBenchmark {

    private Mat frame;
    private Mat crop;
    private byte[] jpeg;
    private CropRegion region;
    private OnnxClassifier classifier;
    private ClassifierSession session;
    private Preprocessor preprocessor;
    private PalmDetector detector;
    private OrtEnvironment environment;
    private float[] values;
    private FloatBuffer direct;
    private long[] shape;
    private byte[] cropPixels;
    private byte[] backlitPixels;
    private byte[] liftWork;
    private final ExposureLift lift = new ExposureLift();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        OpenCv.load();
        EncodedSequence sequence = KaggleSequence.load(Path.of("../shared/data"), 1)
                .orElseThrow(() -> new IllegalStateException("needs ../shared/data/kaggle-train"));
        frame = sequence.grab();
        MatOfByte encoded = new MatOfByte();
        Imgcodecs.imencode(".jpg", frame, encoded);
        jpeg = encoded.toArray();
        encoded.release();
        region = CropRegion.centredSquare(frame.cols(), frame.rows());
        crop = RegionCutter.cutNative(frame, new CropRegion(320, 240, 220, 0));
        classifier = OnnxClassifier.load(Path.of("models/fingerspell.onnx"), DeviceChoice.CPU, 0);
        session = classifier.newSession();
        preprocessor = new Preprocessor(classifier.descriptor().input());
        detector = new PalmDetector(DetectorLocator.find().orElseThrow());
        Engine.getEngine("OnnxRuntime");
        environment = OrtEnvironment.getEnvironment();
        values = preprocessor.toTensor(crop);
        direct = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        int size = preprocessor.size();
        shape = new long[] {1, 3, size, size};
        cropPixels = resizedPixels(crop, size);
        // the same crop as if shot against a window: the middle darkened, the rest brightened
        backlitPixels = cropPixels.clone();
        for (int i = 0; i < backlitPixels.length; i++) {
            int pixel = i / 3;
            int y = pixel / size;
            int x = pixel % size;
            boolean middle = y >= size / 4 && y < size - size / 4 && x >= size / 4 && x < size - size / 4;
            int v = backlitPixels[i] & 0xFF;
            backlitPixels[i] = (byte) (middle ? v / 8 : 200 + v / 5);
        }
        liftWork = new byte[backlitPixels.length];
    }

    private static byte[] resizedPixels(Mat bgr, int size) {
        Mat resized = new Mat();
        org.opencv.imgproc.Imgproc.resize(bgr, resized, new org.opencv.core.Size(size, size), 0, 0,
                org.opencv.imgproc.Imgproc.INTER_AREA);
        byte[] out = new byte[size * size * 3];
        resized.get(0, 0, out);
        resized.release();
        return out;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        classifier.close();
        detector.close();
        preprocessor.release();
        OpenCv.release(frame, crop);
    }

    @Benchmark
    public Mat decodeJpeg640x480() {
        MatOfByte encoded = new MatOfByte(jpeg);
        Mat bgr = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR);
        encoded.release();
        bgr.release();
        return bgr;
    }

    @Benchmark
    public Mat cutCentredSquare() {
        Mat cut = RegionCutter.cutNative(frame, region);
        cut.release();
        return cut;
    }

    @Benchmark
    public float[] preprocessCrop() {
        preprocessor.toTensor(crop, values, 0);
        return values;
    }

    /** What every crop pays when the model has an exposure step: the statistics, no lift (a lit crop). */
    @Benchmark
    public double exposureStatisticsLitCrop() {
        return ExposureLift.gamma(cropPixels, preprocessor.size(), true);
    }

    /** A backlit crop: the statistics, the lookup table and the lift (plus one array copy). */
    @Benchmark
    public double exposureLiftBacklitCrop() {
        System.arraycopy(backlitPixels, 0, liftWork, 0, liftWork.length);
        return lift.apply(liftWork, preprocessor.size(), true);
    }

    @Benchmark
    public long tensorFromHeapArray() throws OrtException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(values), shape)) {
            return tensor.getInfo().getShape()[0];
        }
    }

    @Benchmark
    public long tensorFromReusedDirectBuffer() throws OrtException {
        direct.clear();
        direct.put(values);
        direct.flip();
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, direct, shape)) {
            return tensor.getInfo().getShape()[0];
        }
    }

    @Benchmark
    public Object classifyCrop() throws Exception {
        return session.classify(crop);
    }

    @Benchmark
    public List<?> detectPalm() {
        return detector.detect(frame, 0.25);
    }
}
