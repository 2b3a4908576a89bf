package org.fingerspell.ui.files;

import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.fingerspell.model.Labels;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.LaunchOptions;
import org.fingerspell.ui.MainWindow;
import org.fingerspell.ui.Page;
import org.fingerspell.video.SourceSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Not a timed test: fills the Files table with 10,000 files and prints how long that took and how responsive the
 * FX thread stayed (the longest gap between two pulses while rows arrived and the table was scrolled). The stand-in
 * classifier makes reading instant, so what is measured is the page, not the model. Run it in a real window:
 * <pre>
 * Xvfb :91 &amp; DISPLAY=:91 java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     org.fingerspell.ui.files.FilesTableBenchmark [FOLDER] [FILES]
 * </pre>
 */
public final class FilesTableBenchmark {

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private FilesTableBenchmark() {
    }

    public static void main(String[] args) {
        Application.launch(Run.class, args);
    }

    public static final class Run extends Application {
        private long started;
        private long lastPulse;
        private long longestGap;
        private long pulses;
        private long fxCpuAtStart;
        private final java.util.Map<String, Integer> samples = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getRaw();
            Path folder = Path.of(args.size() > 0 ? args.get(0) : "target/files-benchmark");
            int count = args.size() > 1 ? Integer.parseInt(args.get(1)) : 10_000;
            writeImages(folder, count);
            LaunchOptions options = new LaunchOptions(SourceSpec.camera(0), ColourModel.loader(), "colour", 30,
                    false, new SettingsStore(Files.createTempDirectory("fingerspell-bench").resolve("s.json")));
            MainWindow window = MainWindow.open(stage, options, AppSettings.DEFAULTS, text -> { },
                    FileDialogs.system());
            Page files = window.shell().pages().stream().filter(p -> p.title().equals("Files")).findFirst()
                    .orElseThrow();
            window.shell().select(files);
            @SuppressWarnings("unchecked")
            TableView<FileRow> table = (TableView<FileRow>) stage.getScene().lookup("#filesTable");
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (lastPulse != 0) {
                        longestGap = Math.max(longestGap, now - lastPulse);
                    }
                    lastPulse = now;
                    pulses++;
                }
            }.start();
            Random random = new Random(1);
            Timeline scroll = new Timeline(new KeyFrame(Duration.millis(100), e -> {
                int size = table.getItems().size();
                if (size > 0) {
                    table.scrollTo(random.nextInt(size));
                }
            }));
            scroll.setCycleCount(Timeline.INDEFINITE);
            scroll.play();
            Thread fx = Thread.currentThread();
            fxCpuAtStart = CPU.getThreadCpuTime(fx.getId());
            Thread sampler = new Thread(() -> sample(fx), "fx-sampler");
            sampler.setDaemon(true);
            sampler.start();
            started = System.nanoTime();
            window.files().open(List.of(folder));
            Timeline poll = new Timeline();
            poll.getKeyFrames().add(new KeyFrame(Duration.millis(50), e -> {
                if (!window.files().runningProperty().get() && table.getItems().size() >= count) {
                    poll.stop();
                    scroll.stop();
                    double fxCpu = (CPU.getThreadCpuTime(Thread.currentThread().getId()) - fxCpuAtStart) / 1e9;
                    report(window, count, (System.nanoTime() - started) / 1e9, fxCpu);
                    stage.close();
                    Platform.exit();
                }
            }));
            poll.setCycleCount(Timeline.INDEFINITE);
            poll.play();
        }

        /** Where the FX thread spends its time: the first project or JavaFX frame on its stack, every 10 ms. */
        private void sample(Thread fx) {
            while (true) {
                StackTraceElement[] stack = fx.getStackTrace();
                for (StackTraceElement frame : stack) {
                    String name = frame.getClassName();
                    if (name.startsWith("org.fingerspell") || name.startsWith("javafx.")) {
                        samples.merge(name.substring(name.lastIndexOf('.') + 1) + "." + frame.getMethodName(), 1,
                                Integer::sum);
                        break;
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void report(MainWindow window, int count, double seconds, double fxCpu) {
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            System.out.printf(Locale.ROOT, "Files table: %,d rows in %.1f s (%.0f files/s); longest FX pulse gap "
                            + "%.0f ms over %,d pulses; thumbnails cached %d (cap %d); heap used %.0f MB%n",
                    window.files().rows().size(), seconds, count / seconds, longestGap / 1e6, pulses,
                    window.files().thumbnailsCached(), FilesViewModel.THUMBNAILS_KEPT,
                    (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0);
            System.out.printf(Locale.ROOT, "FX thread CPU during the fill: %.2f s (%.2f ms per row); load average "
                    + "%.1f on %d cores%n", fxCpu, 1000 * fxCpu / count,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println("Summary: " + window.files().summaryProperty().get());
            System.out.println("FX thread samples (top frames): " + samples.entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8).toList());
        }

        /** {@code count} small PNGs spread over class folders, one in a hundred of them corrupt. */
        private static void writeImages(Path folder, int count) throws Exception {
            if (Files.isDirectory(folder)) {
                try (var existing = Files.walk(folder)) {
                    if (existing.filter(Files::isRegularFile).count() == count) {
                        return;
                    }
                }
            }
            Random random = new Random(7);
            for (int i = 0; i < count; i++) {
                String label = Labels.ALL.get(i % Labels.count());
                Path file = folder.resolve(label).resolve(String.format(Locale.ROOT, "%05d.png", i));
                if (i % 100 == 99) {
                    Files.createDirectories(file.getParent());
                    Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2});
                } else {
                    String read = random.nextInt(10) == 0 ? Labels.ALL.get(random.nextInt(Labels.count())) : label;
                    ColourModel.write(file, read, 0.2 + 0.8 * random.nextDouble(), random.nextInt(20) != 0);
                }
            }
        }
    }
}
