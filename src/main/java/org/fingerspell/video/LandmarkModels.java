package org.fingerspell.video;

import org.fingerspell.hand.CropRegion;
import org.fingerspell.hand.Cropper;
import org.fingerspell.hand.HandCropper;
import org.fingerspell.hand.HandLandmarker;
import org.fingerspell.hand.HandLandmarks;
import org.fingerspell.model.Classification;
import org.fingerspell.model.LandmarkClassifier;
import org.fingerspell.model.LogitFusion;
import org.fingerspell.model.ModelDescriptor;
import org.fingerspell.model.ModelException;
import org.fingerspell.model.OnnxClassifier;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The landmark half of a model whose descriptor has a {@code landmarks} section: the hand landmark model, the
 * classifier of its points and the weight that blends it with the crop classifier. Loaded once per model and shared
 * by every reader (both sessions are thread-safe); closed with the model.
 */
public final class LandmarkModels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LandmarkModels.class);

    private final HandLandmarker landmarker;
    private final LandmarkClassifier classifier;
    private final double weight;
    private final double minPresence;
    private final List<String> labels;

    private LandmarkModels(HandLandmarker landmarker, LandmarkClassifier classifier, double weight,
                           double minPresence, List<String> labels) {
        this.landmarker = landmarker;
        this.classifier = classifier;
        this.weight = weight;
        this.minPresence = minPresence;
        this.labels = labels;
    }

    /**
     * The landmark parts {@code classifier}'s descriptor names, opened beside its file with its session settings,
     * or null when the descriptor has no landmarks section (the crop classifier then reads alone).
     */
    public static LandmarkModels forModel(OnnxClassifier classifier) throws ModelException {
        ModelDescriptor descriptor = classifier.descriptor();
        ModelDescriptor.Landmarks spec = descriptor.landmarks();
        if (spec == null) {
            return null;
        }
        HandLandmarker landmarker = HandLandmarker.open(spec.detectorFile(classifier.modelFile()),
                classifier.settings());
        try {
            LandmarkModels models = new LandmarkModels(landmarker, LandmarkClassifier.open(classifier.modelFile(),
                    descriptor, classifier.settings()), spec.weight(), spec.minPresence(), descriptor.labels());
            LOG.info("{}: {}", descriptor.name(), models.describe());
            return models;
        } catch (ModelException | RuntimeException e) {
            landmarker.close();
            throw e;
        }
    }

    /** The hand's landmarks in the hand square (frame pixels). */
    public HandLandmarks locate(Mat bgrFrame, CropRegion handSquare) throws ModelException {
        return landmarker.locate(bgrFrame, handSquare);
    }

    /**
     * Makes {@code cropper} take a palm for a hand only where the landmark model finds one (the descriptor's
     * {@code landmarks.min_presence}); leaves it as it is when the descriptor sets none or it detects no palms.
     */
    public Cropper checking(Cropper cropper) {
        if (minPresence > 0 && cropper instanceof HandCropper hands && hands.hasDetector()) {
            hands.verifyWith(landmarker::locate, minPresence);
        }
        return cropper;
    }

    /** The crop classifier's reading blended with the landmark classifier's reading of {@code hand}. */
    public Classification fuse(Classification crop, HandLandmarks hand) throws ModelException {
        double[] fused = LogitFusion.fuse(crop.probabilities(), classifier.logits(hand.features()), weight);
        return new Classification(labels, fused, crop.embedding());
    }

    /** For logs and {@code info}: which files and how much the landmarks count. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "hand landmarks %s, classifier %s, weight %.2f%s",
                landmarker.file().getFileName(), classifier.file().getFileName(), weight,
                minPresence > 0 ? String.format(java.util.Locale.ROOT, ", palms need presence %.2f", minPresence)
                        : "");
    }

    @Override
    public void close() {
        try {
            classifier.close();
        } finally {
            landmarker.close();
        }
    }
}
