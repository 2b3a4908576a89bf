package org.fingerspell.video;

import org.fingerspell.bench.Stage;
import org.fingerspell.bench.StageClock;
import org.fingerspell.hand.Crop;
import org.fingerspell.hand.Cropper;
import org.fingerspell.hand.Croppers;
import org.fingerspell.hand.HandLandmarks;
import org.fingerspell.model.Classification;
import org.fingerspell.model.ClassifierSession;
import org.fingerspell.model.Labels;
import org.fingerspell.model.ModelDescriptor;
import org.fingerspell.model.ModelException;
import org.fingerspell.model.OnnxClassifier;
import org.opencv.core.Mat;

import java.util.Optional;

/**
 * One frame in, one reading out: the crop policy's cropper cuts the region, the classifier reads it. When the model
 * has a landmark path and the hand was located, the hand landmark model reads the hand square too and its
 * classifier's reading is blended in ({@link LandmarkModels#fuse}). The same path serves the live view, image
 * files, evaluation and the crops training uses. One instance per thread.
 */
public final class FrameClassifier implements FrameReader {

    private final ClassifierSession session;
    private final Cropper cropper;
    private final ModelDescriptor descriptor;
    private final LandmarkModels landmarks;
    private final boolean nothingWithoutHand;

    /**
     * @param landmarks the model's landmark parts ({@link LandmarkModels#forModel}; shared, not closed here), or
     *                  null for the crop classifier alone
     * @param stills    whether frames are still images (the descriptor's {@code no_hand_stills} applies) or live
     *                  video ({@code no_hand})
     */
    public FrameClassifier(ClassifierSession session, Cropper cropper, ModelDescriptor descriptor,
                           LandmarkModels landmarks, boolean stills) {
        this.session = session;
        this.cropper = cropper;
        this.descriptor = descriptor;
        this.landmarks = landmarks;
        this.nothingWithoutHand = descriptor.crop().reportsNothingWithoutHand(stills);
    }

    /** For image files and evaluation: each image is searched for a hand on its own, nothing is tracked. */
    public static FrameClassifier forStills(OnnxClassifier classifier, LandmarkModels landmarks) {
        return new FrameClassifier(classifier.newSession(),
                checked(Croppers.forStills(classifier.descriptor()), landmarks), classifier.descriptor(), landmarks,
                true);
    }

    /** For live video: the hand is tracked between frames. */
    public static FrameClassifier forVideo(OnnxClassifier classifier, LandmarkModels landmarks) {
        return new FrameClassifier(classifier.newSession(),
                checked(Croppers.forVideo(classifier.descriptor()), landmarks), classifier.descriptor(), landmarks,
                false);
    }

    private static Cropper checked(Cropper cropper, LandmarkModels landmarks) {
        return landmarks == null ? cropper : landmarks.checking(cropper);
    }

    @Override
    public Optional<ModelDescriptor.Input> modelInput() {
        return Optional.of(descriptor.input());
    }

    @Override
    public FrameResult classify(Mat bgrFrame) throws ModelException {
        return classify(bgrFrame, StageClock.NONE);
    }

    /**
     * The same reading, with each stage (detection or tracking, crop, preprocessing, inference, landmarks) marked on
     * clock.
     */
    public FrameResult classify(Mat bgrFrame, StageClock clock) throws ModelException {
        try (Crop crop = cropCheckingHand(bgrFrame, clock)) {
            if (!crop.handFound() && nothingWithoutHand) {
                return new FrameResult(certainNothing(), crop.region(), false, crop.score(), crop.source(), false,
                        null);
            }
            Classification classification = session.classify(crop.image(), clock);
            HandLandmarks hand = null;
            if (landmarks != null && crop.hand() != null) {
                hand = crop.landmarks() != null ? crop.landmarks() : landmarks.locate(bgrFrame, crop.hand());
                classification = landmarks.fuse(classification, hand);
                clock.lap(Stage.LANDMARKS);
            }
            cropper.onClassified(classification.label(), classification.confidence());
            return new FrameResult(classification, crop.region(), crop.handFound(), crop.score(), crop.source(), true,
                    hand);
        }
    }

    /** The crop; a failure of the landmark model that checked the hand comes out as the ModelException it is. */
    private Crop cropCheckingHand(Mat bgrFrame, StageClock clock) throws ModelException {
        try {
            return cropper.crop(bgrFrame, clock);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof ModelException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Classification certainNothing() {
        double[] probabilities = new double[descriptor.labels().size()];
        probabilities[descriptor.labels().indexOf(Labels.NOTHING)] = 1.0;
        return new Classification(descriptor.labels(), probabilities, null);
    }

    public ClassifierSession session() {
        return session;
    }

    public Cropper cropper() {
        return cropper;
    }

    /**
     * Closes the cropper and the classifier session (the loaded model and its landmark parts are closed by their
     * owner).
     */
    @Override
    public void close() {
        cropper.close();
        session.close();
    }
}
