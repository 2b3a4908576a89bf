package org.fingerspell.cli;

import com.google.gson.GsonBuilder;
import org.fingerspell.dataset.FileClassifier;
import org.fingerspell.dataset.FileReading;
import org.fingerspell.dataset.ImageFiles;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.OnnxClassifier;
import org.fingerspell.model.Score;
import org.fingerspell.video.FrameClassifier;
import org.fingerspell.video.HandedReader;
import org.fingerspell.video.FrameResult;
import org.fingerspell.video.LandmarkModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code fingerspell classify FILE|DIR...}: the letter, its confidence and the runners-up for each image. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify image files; folders are walked recursively. Bad files are reported and skipped.")
public final class ClassifyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Images or folders of images.")
    private List<Path> inputs;

    @Option(names = "--json", description = "Print one JSON array instead of text lines.")
    private boolean json;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "Candidates to list (default: ${DEFAULT-VALUE}).")
    private int top;

    @Mixin
    private ModelOptions modelOptions;

    @Mixin
    private HandOption handOption;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = ImageFiles.expand(inputs);
        List<Map<String, Object>> records = new ArrayList<>();
        int failures = 0;
        try (OnnxClassifier classifier = modelOptions.load();
             LandmarkModels landmarks = LandmarkModels.forModel(classifier);
             FileClassifier reader = new FileClassifier(new ImageLoader(),
                     new HandedReader(FrameClassifier.forStills(classifier, landmarks), handOption::hand))) {
            for (Path file : files) {
                FileReading reading = reader.classify(file);
                if (reading.failed()) {
                    failures++;
                    if (json) {
                        Map<String, Object> error = new LinkedHashMap<>();
                        error.put("file", file.toString());
                        error.put("error", reading.error());
                        records.add(error);
                    } else {
                        err.println("fingerspell: " + file + ": " + reading.error());
                        err.flush();
                    }
                } else if (json) {
                    records.add(record(file, reading.result()));
                } else {
                    out.println(line(file, reading.result()));
                    out.flush();
                }
            }
        }
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(records));
        }
        if (files.isEmpty()) {
            err.println("fingerspell: no image files found in " + inputs);
            return ExitCodes.INPUT_ERROR;
        }
        if (failures > 0) {
            err.printf("fingerspell: %d of %d files could not be classified%n", failures, files.size());
            return ExitCodes.INPUT_ERROR;
        }
        return ExitCodes.OK;
    }

    private String line(Path file, FrameResult result) {
        StringBuilder text = new StringBuilder();
        text.append(file).append('\t').append(result.classification().label())
                .append(String.format(Locale.ROOT, "\t%.3f\ttop-%d:", result.classification().confidence(), top));
        for (Score score : result.classification().top(top)) {
            text.append(String.format(Locale.ROOT, " %s %.3f", score.label(), score.probability()));
        }
        if (!result.handFound()) {
            text.append("\t(no hand found)");
        }
        return text.toString();
    }

    private Map<String, Object> record(Path file, FrameResult result) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("file", file.toString());
        record.put("label", result.classification().label());
        record.put("confidence", result.classification().confidence());
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (Score score : result.classification().top(top)) {
            candidates.add(Map.of("label", score.label(), "probability", score.probability()));
        }
        record.put("top", candidates);
        Map<String, Object> hand = new LinkedHashMap<>();
        hand.put("found", result.handFound());
        hand.put("score", result.handScore());
        hand.put("source", result.source().name().toLowerCase(Locale.ROOT));
        hand.put("center_x", result.region().centerX());
        hand.put("center_y", result.region().centerY());
        hand.put("side", result.region().side());
        hand.put("rotation_degrees", result.region().rotationDegrees());
        record.put("hand", hand);
        return record;
    }
}
