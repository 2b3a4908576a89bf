package org.fingerspell.cli;

import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.FingerspellApp;
import org.fingerspell.ui.LaunchOptions;
import org.fingerspell.video.Cameras;
import org.fingerspell.video.ModelLoader;
import org.fingerspell.video.SourceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fingerspell live}: opens the live window on a camera, a video file or a folder of images. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Open the live window: reads fingerspelling from the webcam (or a video file or image folder) "
                + "and spells the text.")
public final class LiveCommand implements Callable<Integer> {

    @Option(names = "--source", paramLabel = "camera:N|video:FILE|folder:DIR",
            description = "Where frames come from (default: the camera chosen in Settings, camera:0 at first).")
    private String source;

    @Option(names = "--fps", paramLabel = "N",
            description = "Rate a folder is played at (default 30), or a video's rate instead of its own.")
    private double fps;

    @Option(names = "--loop", description = "Start a video or folder again when it ends.")
    private boolean loop;

    @Option(names = "--config", paramLabel = "DIR",
            description = "Folder for settings.json (default: the user's config folder).")
    private Path config;

    @Option(names = "--stats-log", paramLabel = "FILE", hidden = true,
            description = "Append pipeline health (frames, rates, threads, heap, RSS) every 10 s, for soak runs.")
    private Path statsLog;

    @Option(names = "--list-cameras", description = "List the cameras that open, with their resolution, and exit.")
    private boolean listCameras;

    @Mixin
    private ModelOptions modelOptions;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (listCameras) {
            List<Cameras.CameraInfo> cameras = Cameras.list(10);
            if (cameras.isEmpty()) {
                spec.commandLine().getOut().println("No camera found.");
            }
            cameras.forEach(camera -> spec.commandLine().getOut().println("camera:" + camera.index() + "\t"
                    + camera.width() + "x" + camera.height()));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        SourceSpec spec = source == null ? null : SourceSpec.parse(source);
        if (fps < 0 || fps > 240) {
            throw new IllegalArgumentException("--fps " + fps + " is outside 0..240");
        }
        Path model = modelOptions.modelFile();
        SettingsStore settings = config != null ? new SettingsStore(config.resolve("settings.json"))
                : SettingsStore.atDefaultLocation();
        FingerspellApp.launch(new LaunchOptions(spec,
                ModelLoader.onnx(model, modelOptions.deviceChoice(), modelOptions.threads()),
                model.toString(), fps, loop, settings, statsLog));
        return ExitCodes.OK;
    }
}
