package org.fingerspell.ui.evaluation;

import javafx.concurrent.Task;
import org.fingerspell.dataset.ClassFolderSet;
import org.fingerspell.dataset.ManifestConditions;
import org.fingerspell.eval.EvaluationListener;
import org.fingerspell.eval.EvaluationResult;
import org.fingerspell.eval.Evaluator;
import org.fingerspell.eval.ImageRecord;
import org.fingerspell.hand.SigningHand;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.ModelException;
import org.fingerspell.model.OnnxClassifier;
import org.fingerspell.video.ThreadLog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Scans the set, reads its manifest, loads the model(s) and evaluates each in turn with {@link Evaluator}, on a
 * background thread. Every model is loaded before the first image is read, so a wrong second model is reported at
 * once rather than after the first run. A cancel ends the current run early: its partial result comes back
 * marked cancelled, and a second model is then not run.
 */
final class EvaluationTask extends Task<EvaluationTask.Outcome> {

    /**
     * @param manifest        the set's conditions, or null when it has no {@code manifest.csv}
     * @param manifestProblem why a manifest that exists could not be read, or null
     * @param results         one per model, in the order chosen
     */
    record Outcome(ManifestConditions manifest, String manifestProblem, List<String> ignoredFolders,
                   List<EvaluationResult> results) {
    }

    private final List<Path> models;
    private final Path dataset;
    private final List<String> scoredClasses;
    private final BooleanSupplier cancelled;
    private final ImageLoader loader;
    private final SigningHand hand;

    EvaluationTask(List<Path> models, Path dataset, List<String> scoredClasses, BooleanSupplier cancelled,
                   ImageLoader loader, SigningHand hand) {
        this.models = List.copyOf(models);
        this.dataset = dataset;
        this.scoredClasses = List.copyOf(scoredClasses);
        this.cancelled = cancelled;
        this.loader = loader;
        this.hand = hand;
        updateTitle("Evaluating " + dataset);
    }

    @Override
    protected Outcome call() throws IOException, ModelException {
        updateMessage("Reading " + dataset + " …");
        ClassFolderSet set = ClassFolderSet.scan(dataset);
        if (set.images().isEmpty()) {
            throw new IOException(dataset + ": no images in class folders (expected " + dataset.getFileName()
                    + "/A/…, " + dataset.getFileName() + "/del/…)");
        }
        long toRead = set.images().stream().filter(image -> scoredClasses.contains(image.label())).count();
        if (toRead == 0) {
            throw new IOException(dataset + ": no images of the chosen classes");
        }
        ManifestConditions manifest = null;
        String manifestProblem = null;
        try {
            manifest = ManifestConditions.read(dataset).orElse(null);
        } catch (IOException e) {
            manifestProblem = e.getMessage();
        }
        List<OnnxClassifier> classifiers = new ArrayList<>();
        try {
            for (Path model : models) {
                updateMessage("Loading " + model.getFileName() + " …");
                ThreadLog.shared().record(ThreadLog.MODEL_LOAD);
                classifiers.add(OnnxClassifier.load(model, DeviceChoice.AUTO, 0));
            }
            List<EvaluationResult> results = new ArrayList<>();
            for (int m = 0; m < classifiers.size(); m++) {
                EvaluationResult result = Evaluator.evaluate(classifiers.get(m), loader, set, scoredClasses, handOf(manifest),
                        progress(m, classifiers.size(), toRead), cancelled);
                results.add(result);
                if (result.cancelled()) {
                    break;
                }
            }
            return new Outcome(manifest, manifestProblem, set.ignoredFolders(), results);
        } finally {
            classifiers.forEach(OnnxClassifier::close);
        }
    }

    /** Each image's hand: what the set's manifest recorded (capture writes it), else the Signing hand setting. */
    private Function<Path, SigningHand> handOf(ManifestConditions manifest) {
        return manifest == null ? image -> hand : image -> manifest.signingHand(image, hand);
    }

    private EvaluationListener progress(int model, int models, long perModel) {
        String prefix = models == 1 ? "" : String.format(Locale.ROOT, "Model %d of %d: ", model + 1, models);
        return new EvaluationListener() {
            @Override
            public void imageDone(int done, int total, ImageRecord record) {
                updateProgress((long) model * perModel + done, models * perModel);
                updateMessage(String.format(Locale.ROOT, "%s%d of %d images", prefix, done, total));
            }
        };
    }
}
