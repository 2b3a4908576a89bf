package org.fingerspell.hand;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.fingerspell.image.OpenCv;
import org.fingerspell.model.ModelException;
import org.fingerspell.model.OrtModel;
import org.fingerspell.model.SessionSettings;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MediaPipe's hand landmark model ({@code hand_landmark_full}, converted to ONNX) in ONNX Runtime: the hand square
 * ({@link HandGeometry#handRegion}, no margin) is cut upright at 224×224, RGB scaled to 0..1 in NHWC order, and the
 * 21 landmarks it returns are mapped back to frame pixels. Thread-safe: it holds no per-frame state.
 */
public final class HandLandmarker implements AutoCloseable {

    public static final int INPUT_SIZE = 224;
    static final String INPUT = "input";
    static final String LANDMARKS = "landmarks";
    static final String PRESENCE = "presence";
    static final String HANDEDNESS = "handedness";

    /** What is read; {@code world_landmarks} (metric 3-D points) is not needed. */
    private static final Set<String> OUTPUTS = Set.of(LANDMARKS, PRESENCE, HANDEDNESS);
    private static final long[] INPUT_SHAPE = {1, INPUT_SIZE, INPUT_SIZE, 3};

    private final OrtModel model;

    private HandLandmarker(OrtModel model) {
        this.model = model;
    }

    /** Opens and checks the model: input [N, 224, 224, 3], outputs landmarks [N, 63], presence and handedness. */
    public static HandLandmarker open(Path file, SessionSettings settings) throws ModelException {
        OpenCv.load();
        OrtModel model = OrtModel.open(file, settings, "hand landmark model");
        try {
            checkSignature(model);
            return new HandLandmarker(model);
        } catch (ModelException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static void checkSignature(OrtModel model) throws ModelException {
        Map<String, NodeInfo> inputs = model.inputs();
        long[] input = model.shapeOf(inputs, INPUT);
        if (inputs.size() != 1 || !OrtModel.matches(input, -1, INPUT_SIZE, INPUT_SIZE, 3)) {
            throw new ModelException(model.file() + ": a hand landmark model takes one input '" + INPUT + "' [N, "
                    + INPUT_SIZE + ", " + INPUT_SIZE + ", 3], not " + inputs.keySet() + " " + OrtModel.describe(input));
        }
        Map<String, NodeInfo> outputs = model.outputs();
        long[] landmarks = model.shapeOf(outputs, LANDMARKS);
        if (!OrtModel.matches(landmarks, -1, HandLandmarks.VALUES)) {
            throw new ModelException(model.file() + ": output '" + LANDMARKS + "' is " + OrtModel.describe(landmarks)
                    + ", not [N, " + HandLandmarks.VALUES + "]");
        }
        for (String scalar : List.of(PRESENCE, HANDEDNESS)) {
            long[] shape = model.shapeOf(outputs, scalar);
            if (!OrtModel.matches(shape, -1, 1)) {
                throw new ModelException(model.file() + ": output '" + scalar + "' is " + OrtModel.describe(shape)
                        + ", not [N, 1]");
            }
        }
    }

    /** The landmarks of the hand in {@code handSquare} (the hand region, no margin), in frame pixels. */
    public HandLandmarks locate(Mat bgrFrame, CropRegion handSquare) throws ModelException {
        SquareTransform transform = SquareTransform.of(handSquare, INPUT_SIZE);
        float[] input = inputTensor(bgrFrame, transform);
        try (OnnxTensor tensor = OnnxTensor.createTensor(OrtModel.environment(), FloatBuffer.wrap(input),
                INPUT_SHAPE);
             OrtSession.Result result = model.session().run(Map.of(INPUT, tensor), OUTPUTS)) {
            float[] points = floats(result, LANDMARKS, HandLandmarks.VALUES);
            for (int i = 0; i < HandLandmarks.COUNT; i++) {
                double u = points[3 * i];
                double v = points[3 * i + 1];
                points[3 * i] = (float) transform.frameX(u, v);
                points[3 * i + 1] = (float) transform.frameY(u, v);
                points[3 * i + 2] = (float) (points[3 * i + 2] * transform.scale());
            }
            return new HandLandmarks(points, floats(result, PRESENCE, 1)[0], floats(result, HANDEDNESS, 1)[0]);
        } catch (OrtException e) {
            throw new ModelException(model.file() + ": hand landmark inference failed: " + e.getMessage(), e);
        }
    }

    /** The square cut upright with one bilinear warp (black outside the frame), RGB, 0..1, NHWC. */
    static float[] inputTensor(Mat bgrFrame, SquareTransform transform) {
        Mat matrix = transform.toMat();
        Mat cut = new Mat();
        Mat rgb = new Mat();
        Mat scaled = new Mat();
        try {
            Imgproc.warpAffine(bgrFrame, cut, matrix, new Size(INPUT_SIZE, INPUT_SIZE),
                    Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP, Core.BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
            Imgproc.cvtColor(cut, rgb, toRgb(cut.channels()));
            rgb.convertTo(scaled, CvType.CV_32FC3, 1.0 / 255);
            float[] values = new float[INPUT_SIZE * INPUT_SIZE * 3];
            scaled.get(0, 0, values);
            return values;
        } finally {
            OpenCv.release(matrix, cut, rgb, scaled);
        }
    }

    private static int toRgb(int channels) {
        return switch (channels) {
            case 1 -> Imgproc.COLOR_GRAY2RGB;
            case 3 -> Imgproc.COLOR_BGR2RGB;
            case 4 -> Imgproc.COLOR_BGRA2RGB;
            default -> throw new IllegalArgumentException("frame has " + channels + " channels");
        };
    }

    private static float[] floats(OrtSession.Result result, String name, int count) {
        float[] values = new float[count];
        ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer().get(values);
        return values;
    }

    public Path file() {
        return model.file();
    }

    @Override
    public void close() {
        model.close();
    }
}
