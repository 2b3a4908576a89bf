package org.fingerspell.eval;

import org.fingerspell.model.Score;

import java.nio.file.Path;
import java.util.List;

/**
 * What evaluation read from one image: the true label from its class folder and either the prediction
 * (label, confidence, top-3, whether a hand was found and where the crop came from) or the error that stopped it.
 */
public record ImageRecord(Path file, String trueLabel, String predicted, double confidence, List<Score> top,
                          boolean handFound, String handSource, String error) {

    public ImageRecord {
        top = top == null ? List.of() : List.copyOf(top);
    }

    public static ImageRecord predicted(Path file, String trueLabel, String predicted, double confidence,
                                        List<Score> top, boolean handFound, String handSource) {
        return new ImageRecord(file, trueLabel, predicted, confidence, top, handFound, handSource, null);
    }

    public static ImageRecord failed(Path file, String trueLabel, String error) {
        return new ImageRecord(file, trueLabel, null, Double.NaN, List.of(), false, "", error);
    }

    public boolean isError() {
        return error != null;
    }

    /** Classified, and the prediction is not the true label. */
    public boolean isMisclassified() {
        return !isError() && !predicted.equals(trueLabel);
    }
}
