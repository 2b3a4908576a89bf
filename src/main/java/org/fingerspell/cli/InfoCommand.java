package org.fingerspell.cli;

import ai.djl.engine.Engine;
import org.fingerspell.AppInfo;
import org.fingerspell.hand.Cropper;
import org.fingerspell.hand.Croppers;
import org.fingerspell.model.ModelDescriptor;
import org.fingerspell.model.OnnxClassifier;
import org.fingerspell.video.LandmarkModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code fingerspell info}: which model, engine, device and versions this installation runs. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the model descriptor, engine, device and versions.")
public final class InfoCommand implements Callable<Integer> {

    @Mixin
    private ModelOptions modelOptions;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Fingerspell " + AppInfo.version());
        out.println("Java        " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        out.println("OpenCV      " + org.opencv.core.Core.VERSION);
        try (OnnxClassifier classifier = modelOptions.load()) {
            Engine engine = Engine.getEngine("OnnxRuntime");
            ModelDescriptor d = classifier.descriptor();
            out.println("Engine      DJL " + Engine.getDjlVersion() + ", " + engine.getEngineName() + " "
                    + engine.getVersion());
            out.println("Device      " + classifier.device());
            out.println("Model       " + classifier.modelFile().toAbsolutePath().normalize());
            out.println("  name      " + d.name() + " " + d.version() + " (" + d.architecture() + ", created "
                    + d.created() + ")");
            out.println("  input     " + d.input().size() + "x" + d.input().size() + " " + d.input().colorOrder()
                    + ", mean " + java.util.Arrays.toString(d.input().mean()) + ", std "
                    + java.util.Arrays.toString(d.input().std()) + ", resize " + d.input().resize()
                    + ", exposure " + d.input().exposure());
            out.println("  crop      " + d.crop().mode() + ", margin " + d.crop().margin() + ", rotate upright "
                    + d.crop().rotateUpright() + ", no hand -> " + d.crop().noHand()
                    + " on video, " + d.crop().noHandStills() + " on images");
            try (Cropper cropper = Croppers.forPolicy(d.crop())) {
                out.println("  cropper   " + cropper.describe());
            }
            try (LandmarkModels landmarks = LandmarkModels.forModel(classifier)) {
                out.println("  landmarks " + (landmarks == null ? "none (the crop classifier reads alone)"
                        : landmarks.describe()));
            }
            out.println("  labels    " + d.labels().size() + ": " + String.join(" ", d.labels()));
            out.println("  data      " + d.dataFingerprint());
            for (Map.Entry<String, Map<String, Object>> metric : d.metrics().entrySet()) {
                out.println("  metrics   " + metric.getKey() + ": " + metric.getValue());
            }
        }
        return ExitCodes.OK;
    }
}
