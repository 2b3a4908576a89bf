package org.fingerspell.cli;

import org.fingerspell.dataset.ClassFolderSet;
import org.fingerspell.dataset.ManifestConditions;
import org.fingerspell.eval.EvaluationListener;
import org.fingerspell.eval.EvaluationResult;
import org.fingerspell.eval.Evaluator;
import org.fingerspell.eval.ImageRecord;
import org.fingerspell.eval.ReportWriter;
import org.fingerspell.eval.TextSummary;
import org.fingerspell.hand.SigningHand;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.Labels;
import org.fingerspell.model.OnnxClassifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code fingerspell eval DIR}: scores the model on a folder-per-class set through the same crop-and-classify path
 * as the live view, prints a summary and, with {@code --report}, writes metrics.json, CSVs, a heat map and an HTML
 * page. Unreadable files are reported one line each and the rest is scored; the exit code is then 2.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate the model on a folder-per-class image set (DIR/A/*.jpg, DIR/del/*.png, ...; "
                + "class folder names are matched case-insensitively).",
            "Macro-F1 averages over the classes present in the set."})
public final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder with one sub-folder per class.")
    private Path dataset;

    @Option(names = "--classes", paramLabel = "all|letters|A,B,del", defaultValue = "all",
            description = "Classes to score (default: ${DEFAULT-VALUE}). Images of other classes are skipped; "
                    + "a prediction outside these classes counts as an error.")
    private String classes;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write metrics.json, per_class.csv, confusion.csv, predictions.csv, confusion.png and "
                    + "report.html into this folder.")
    private Path report;

    @Option(names = "--top-confusions", paramLabel = "K", defaultValue = "10",
            description = "Confused pairs to list (default: ${DEFAULT-VALUE}).")
    private int topConfusions;

    @Option(names = "--max-thumbnails", paramLabel = "N", defaultValue = "" + ReportWriter.DEFAULT_MAX_THUMBNAILS,
            description = "Misclassified images shown in report.html (default: ${DEFAULT-VALUE}).")
    private int maxThumbnails;

    @Mixin
    private ModelOptions modelOptions;

    @Mixin
    private HandOption handOption;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (topConfusions < 0 || maxThumbnails < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--top-confusions and --max-thumbnails must be 0 or more");
        }
        List<String> scored;
        try {
            scored = Labels.parseSelection(classes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ClassFolderSet set = ClassFolderSet.scan(dataset);
        if (!set.ignoredFolders().isEmpty()) {
            err.println("fingerspell: ignoring folders that are not classes: " + String.join(", ", set.ignoredFolders()));
        }
        if (set.images().isEmpty()) {
            err.println("fingerspell: " + dataset + ": no images in class folders (expected DIR/A/..., DIR/del/...)");
            return ExitCodes.INPUT_ERROR;
        }
        if (set.images().stream().noneMatch(image -> scored.contains(image.label()))) {
            err.println("fingerspell: " + dataset + ": no images of the classes selected by --classes " + classes);
            return ExitCodes.INPUT_ERROR;
        }
        Function<Path, SigningHand> handOf = handsOf(set, err);
        ImageLoader loader = new ImageLoader();
        TerminalProgress progress = new TerminalProgress(err, TerminalProgress.stderrIsTerminal(), "eval");
        EvaluationResult result;
        try (OnnxClassifier classifier = modelOptions.load()) {
            result = Evaluator.evaluate(classifier, loader, set, scored, handOf, new EvaluationListener() {
                @Override
                public void started(int total) {
                    progress.start(total);
                }

                @Override
                public void imageDone(int done, int total, ImageRecord record) {
                    if (record.isError()) {
                        progress.message("fingerspell: " + record.file() + ": " + record.error());
                    }
                    progress.update(done);
                }
            }, () -> Thread.currentThread().isInterrupted());
        } finally {
            progress.finish();
        }
        out.print(TextSummary.format(result, topConfusions));
        out.flush();
        if (report != null) {
            Path html = new ReportWriter(loader, maxThumbnails).write(result, report);
            out.println();
            out.println("Report    " + html.toAbsolutePath().normalize());
            out.flush();
        }
        int failures = result.errors().size();
        if (failures > 0) {
            err.printf("fingerspell: %d of %d files could not be read and were not scored%n", failures,
                    result.records().size());
            return ExitCodes.INPUT_ERROR;
        }
        return ExitCodes.OK;
    }

    /**
     * Each image's signing hand: a captured set's {@code manifest.csv} records it per image; images it does not
     * name, and sets without one, take {@code --signing-hand}.
     */
    private Function<Path, SigningHand> handsOf(ClassFolderSet set, PrintWriter err) {
        SigningHand fallback = handOption.hand();
        ManifestConditions manifest;
        try {
            manifest = ManifestConditions.read(dataset).orElse(null);
        } catch (IOException e) {
            err.println("fingerspell: " + dataset + ": manifest.csv cannot be read (" + e.getMessage()
                    + "); every image is read as signed with the " + fallback + " hand");
            return image -> fallback;
        }
        if (manifest == null) {
            return image -> fallback;
        }
        long left = set.images().stream()
                .filter(image -> manifest.signingHand(image.file(), fallback) == SigningHand.LEFT).count();
        if (left > 0) {
            err.println("fingerspell: " + left + " images signed with the left hand (manifest.csv, --signing-hand) "
                    + "are read mirrored");
        }
        return image -> manifest.signingHand(image, fallback);
    }
}
