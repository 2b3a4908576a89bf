package org.fingerspell.eval;

import org.fingerspell.dataset.ClassFolderSet;
import org.fingerspell.dataset.LabeledImage;
import org.fingerspell.hand.SigningHand;
import org.fingerspell.image.ImageLoadException;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.ModelException;
import org.fingerspell.model.OnnxClassifier;
import org.fingerspell.video.FrameClassifier;
import org.fingerspell.video.FrameResult;
import org.fingerspell.video.HandedReader;
import org.fingerspell.video.LandmarkModels;
import org.fingerspell.video.ThreadLog;
import org.opencv.core.CvException;
import org.opencv.core.Mat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs the live reading path ({@link FrameClassifier}: crop policy, then classifier) over a folder-per-class set.
 * A file that cannot be decoded or classified becomes an error record and the run goes on. Runs on the calling
 * thread; cancellation is checked before each image. Not thread-safe (one FrameClassifier, one thread).
 */
public final class Evaluator {

    /** Reads one image's BGR frame: the app's reader for that image's signing hand, or a stand-in in tests. */
    @FunctionalInterface
    public interface FrameReader {
        FrameResult read(Path file, Mat bgrFrame) throws ModelException;
    }

    public static final int TOP_K = 3;

    private final FrameReader reader;
    private final ImageLoader loader;
    private final ModelInfo model;

    public Evaluator(FrameReader reader, ImageLoader loader, ModelInfo model) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.model = model;
    }

    /**
     * Evaluates a loaded model on {@code set} through a fresh still-image reader (the crop policy its descriptor
     * names, each image detected on its own, and the landmark path when the model has one), closed at the end:
     * what {@code fingerspell eval} and the evaluation view both run. A left hand's images are read mirrored
     * ({@link HandedReader}); {@code handOf} names each image's hand (a captured set's manifest, else a setting).
     *
     * @throws ModelException when the model's landmark parts cannot be loaded
     */
    public static EvaluationResult evaluate(OnnxClassifier classifier, ImageLoader loader, ClassFolderSet set,
                                            List<String> scoredClasses, Function<Path, SigningHand> handOf,
                                            EvaluationListener listener, BooleanSupplier cancelled)
            throws ModelException {
        Objects.requireNonNull(handOf, "handOf");
        try (LandmarkModels landmarks = LandmarkModels.forModel(classifier);
             HandedReader frames = new HandedReader(FrameClassifier.forStills(classifier, landmarks),
                     () -> SigningHand.RIGHT)) {
            FrameReader reader = (file, bgr) -> frames.classify(bgr, handOf.apply(file));
            return new Evaluator(reader, loader, ModelInfo.of(classifier.modelFile(), classifier.descriptor()))
                    .evaluate(set, scoredClasses, listener, cancelled);
        }
    }

    /**
     * Evaluates the images of {@code set} whose class is in {@code scoredClasses}; images of other classes are
     * counted as excluded and not read.
     */
    public EvaluationResult evaluate(ClassFolderSet set, List<String> scoredClasses, EvaluationListener listener,
                                     BooleanSupplier cancelled) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancelled, "cancelled");
        Set<String> scored = Set.copyOf(scoredClasses);
        List<LabeledImage> toRead = new ArrayList<>();
        Set<String> excludedClasses = new LinkedHashSet<>();
        for (LabeledImage image : set.images()) {
            if (scored.contains(image.label())) {
                toRead.add(image);
            } else {
                excludedClasses.add(image.label());
            }
        }
        int total = toRead.size();
        listener.started(total);
        List<ImageRecord> records = new ArrayList<>(total);
        boolean stopped = false;
        for (LabeledImage image : toRead) {
            if (cancelled.getAsBoolean()) {
                stopped = true;
                break;
            }
            ImageRecord record = read(image);
            records.add(record);
            listener.imageDone(records.size(), total, record);
        }
        return new EvaluationResult(set.root(), scoredClasses, set.images().size() - total,
                List.copyOf(excludedClasses), set.ignoredFolders(), records, stopped, model,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private ImageRecord read(LabeledImage image) {
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        try (ImageLoader.LoadedImage loaded = loader.load(image.file())) {
            ThreadLog.shared().record(ThreadLog.INFERENCE);
            FrameResult result = reader.read(image.file(), loaded.bgr());
            return ImageRecord.predicted(image.file(), image.label(), result.classification().label(),
                    result.classification().confidence(), result.classification().top(TOP_K), result.handFound(),
                    result.source() == null ? "" : result.source().name().toLowerCase(Locale.ROOT));
        } catch (ImageLoadException e) {
            return ImageRecord.failed(image.file(), image.label(), e.reason());
        } catch (ModelException e) {
            return ImageRecord.failed(image.file(), image.label(), "cannot classify: " + e.getMessage());
        } catch (CvException e) {
            // OpenCV throws on some malformed inputs the loader let through: one bad file must not end the run.
            return ImageRecord.failed(image.file(), image.label(), "cannot process image: " + e.getMessage());
        }
    }
}
