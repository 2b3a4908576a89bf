package org.fingerspell.eval;

import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.model.Classification;
import org.fingerspell.model.Labels;
import org.fingerspell.model.Score;
import org.fingerspell.video.FrameResult;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Synthetic images, frame results and evaluation results for the eval tests (no model needed). */
final class EvalFixtures {

    static final ModelInfo MODEL = new ModelInfo("test-model", "0.0.1", "resnet18", "/models/test.onnx",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "data-123");

    private EvalFixtures() {
    }

    /** Writes a solid-colour PNG of 64×48 pixels. */
    static Path png(Path file, Color colour) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A frame result that reads {@code label} with probability {@code p}, the rest shared by the other classes. */
    static FrameResult frameResult(String label, double p) {
        double[] probabilities = new double[Labels.count()];
        java.util.Arrays.fill(probabilities, (1 - p) / (Labels.count() - 1));
        probabilities[Labels.indexOf(label)] = p;
        Classification classification = new Classification(Labels.ALL, probabilities, null);
        return new FrameResult(classification, new CropRegion(32, 24, 48, 0), true, 1.0, Crop.Source.WHOLE_FRAME,
                true, null);
    }

    static ImageRecord record(String file, String truth, String predicted, double confidence) {
        return ImageRecord.predicted(Path.of(file), truth, predicted, confidence,
                List.of(new Score(predicted, confidence), new Score(truth, 1 - confidence)), true, "whole_frame");
    }

    static EvaluationResult result(Path dataset, List<String> scored, List<ImageRecord> records) {
        return new EvaluationResult(dataset, scored, 0, List.of(), List.of(), records, false, MODEL,
                Instant.parse("2026-11-25T12:00:00Z"));
    }
}
