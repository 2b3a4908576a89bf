package org.fingerspell.ui.files;

import org.fingerspell.dataset.FileClassifier;
import org.fingerspell.dataset.FileReading;
import org.fingerspell.image.BgraImage;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.AppModel;
import org.fingerspell.ui.Background;
import org.fingerspell.video.FrameReader;
import org.fingerspell.video.FrameResult;
import org.fingerspell.video.LoadedModel;
import org.fingerspell.video.ModelLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Files view model without a window: batches, rows, filters, cancel, export and paste. */
class FilesViewModelTest {

    @TempDir
    Path temp;
    private AppModel app;
    private FilesViewModel viewModel;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private FilesViewModel create(ModelLoader loader) throws Exception {
        app = new AppModel(new SettingsStore(temp.resolve("settings.json")), AppSettings.DEFAULTS, new Background());
        viewModel = fx(() -> new FilesViewModel(app, loader));
        return viewModel;
    }

    @AfterEach
    void close() throws Exception {
        if (viewModel != null) {
            fx(() -> {
                viewModel.close();
                return null;
            });
        }
        if (app != null) {
            app.close();
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openAndWait(List<Path> inputs, int rows) throws Exception {
        fx(() -> {
            viewModel.open(inputs);
            return null;
        });
        waitFor(rows + " rows", () -> viewModel.rows().size() >= rows && !viewModel.runningProperty().get());
        assertEquals(rows, viewModel.rows().size());
    }

    /** A labelled set: A/ (two right, one unsure), B/ (one read as A), misc/ (not a class), and two bad files. */
    private Path labelledSet() throws Exception {
        Path set = temp.resolve("set");
        ColourModel.write(set.resolve("A/a1.png"), "A", 0.9, true);
        ColourModel.write(set.resolve("A/a2.png"), "A", 0.8, true);
        ColourModel.write(set.resolve("A/a3.png"), "A", 0.2, true);
        ColourModel.write(set.resolve("B/b1.png"), "A", 0.7, true);
        ColourModel.write(set.resolve("misc/empty-room.png"), "nothing", 0.95, false);
        Files.write(set.resolve("B/broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x10, 0x20});
        Files.writeString(set.resolve("misc/notes.dat"), "not an image at all");
        return set;
    }

    @Test
    void open_folder_givesOneRowPerFileAsTheCoreReadsIt() throws Exception {
        create(ColourModel.loader());
        Path set = labelledSet();
        openAndWait(List.of(set), 7);
        Map<Path, FileRow> byFile = viewModel.rows().stream().collect(Collectors.toMap(FileRow::file, r -> r));
        try (FileClassifier core = new FileClassifier(new ImageLoader(), new ColourModel.Reader())) {
            for (Path file : org.fingerspell.dataset.ImageFiles.walk(set)) {
                FileReading expected = core.classify(file);
                FileRow row = byFile.get(file);
                assertNotNull(row, "a row for " + file);
                assertEquals(expected.error(), row.error(), file.toString());
                if (!expected.failed()) {
                    assertEquals(expected.result().classification().label(), row.label(), file.toString());
                    assertEquals(expected.result().classification().confidence(), row.confidence(), 1e-12);
                    assertEquals(expected.result().classification().top(5), row.top());
                    assertEquals(expected.result().handFound(), row.handFound());
                }
            }
        }
        assertEquals("A", byFile.get(set.resolve("A/a1.png")).trueLabel());
        assertEquals("B", byFile.get(set.resolve("B/b1.png")).trueLabel());
        assertNull(byFile.get(set.resolve("misc/empty-room.png")).trueLabel(), "misc is not a class name");
        assertTrue(byFile.get(set.resolve("B/broken.jpg")).error().contains("JPEG"));
        assertTrue(byFile.get(set.resolve("misc/notes.dat")).error().contains("not an image"));
        assertEquals("7 files · 2 errors · 1 without a hand found · 3 of 4 right by folder name (75.0%)",
                viewModel.summaryProperty().get());
        assertTrue(viewModel.statusProperty().get().startsWith("Read 7 files"), viewModel.statusProperty().get());
    }

    /** A PNG whose header claims {@code width}×{@code height}: refused from the header, never decoded. */
    private static byte[] pngClaiming(int width, int height) {
        org.fingerspell.image.OpenCv.load();
        Mat small = new Mat(8, 8, org.opencv.core.CvType.CV_8UC3);
        org.opencv.core.MatOfByte png = new org.opencv.core.MatOfByte();
        try {
            org.opencv.imgcodecs.Imgcodecs.imencode(".png", small, png);
            byte[] bytes = png.toArray();
            java.nio.ByteBuffer.wrap(bytes, 16, 8).putInt(width).putInt(height); // IHDR width, height
            return bytes;
        } finally {
            org.fingerspell.image.OpenCv.release(small, png);
        }
    }

    @Test
    void open_unsupportedAndHugeFiles_areErrorRowsAndTheBatchGoesOn() throws Exception {
        create(ColourModel.loader());
        Path folder = temp.resolve("odd");
        Files.createDirectories(folder);
        Files.write(folder.resolve("1-anim.gif"), "GIF89a-and-some-bytes".getBytes());
        Files.write(folder.resolve("2-huge.png"), pngClaiming(20_000, 20_000));
        ColourModel.write(folder.resolve("3-good.png"), "D", 0.9, true);
        openAndWait(List.of(folder), 3);
        List<FileRow> rows = viewModel.rows().stream().sorted(java.util.Comparator.comparing(FileRow::name)).toList();
        assertTrue(rows.get(0).error().contains("unsupported image format GIF"), rows.get(0).error());
        assertTrue(rows.get(1).error().contains("too large"), rows.get(1).error());
        assertEquals("D", rows.get(2).label(), "the good file after them is still read");
    }

    private List<String> shownNames(RowFilter filter) throws Exception {
        return fx(() -> {
            viewModel.filterProperty().set(filter);
            return viewModel.shownRows().stream().map(FileRow::name).sorted().toList();
        });
    }

    @Test
    void filters_showLowConfidenceWrongNoHandAndErrors() throws Exception {
        create(ColourModel.loader());
        openAndWait(List.of(labelledSet()), 7);
        // Low confidence is below the spelling threshold of the settings (0.25 by default).
        assertEquals(List.of("a3.png"), shownNames(RowFilter.LOW_CONFIDENCE));
        assertEquals(List.of("b1.png"), shownNames(RowFilter.WRONG));
        assertEquals(List.of("empty-room.png"), shownNames(RowFilter.NO_HAND));
        assertEquals(List.of("broken.jpg", "notes.dat"), shownNames(RowFilter.ERRORS));
        assertEquals(7, shownNames(RowFilter.ALL).size());
        fx(() -> {
            app.update(app.settings().withSpelling(app.settings().spelling().withThreshold(0.85)));
            return null;
        });
        assertEquals(List.of("a2.png", "a3.png", "b1.png"), shownNames(RowFilter.LOW_CONFIDENCE),
                "a higher threshold in the settings counts more rows as unsure");
    }

    @Test
    void exportCsv_writesTheGivenRowsWithReasons() throws Exception {
        create(ColourModel.loader());
        openAndWait(List.of(labelledSet()), 7);
        Path csv = temp.resolve("out/files.csv");
        Files.createDirectories(csv.getParent());
        List<FileRow> errors = fx(() -> {
            viewModel.filterProperty().set(RowFilter.ERRORS);
            List<FileRow> shown = List.copyOf(viewModel.shownRows());
            viewModel.exportCsv(shown, csv);
            return shown;
        });
        waitFor("the export", () -> viewModel.statusProperty().get().startsWith("Exported"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(FilesCsv.HEADER, lines.get(0));
        assertEquals(3, lines.size(), String.join("\n", lines));
        for (FileRow row : errors) {
            assertTrue(lines.contains(FilesCsv.line(row)), "line for " + row.name());
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("notes.dat") && l.contains("not an image")),
                lines.toString());
        try (var names = Files.list(csv.getParent())) {
            assertEquals(List.of(csv), names.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void exportCsv_toAMissingFolder_saysWhyAndLosesNothing() throws Exception {
        create(ColourModel.loader());
        openAndWait(List.of(labelledSet()), 7);
        Path csv = temp.resolve("no/such/folder/files.csv");
        fx(() -> {
            viewModel.exportCsv(viewModel.rows(), csv);
            return null;
        });
        waitFor("the export to fail", () -> viewModel.statusProperty().get().startsWith("Export failed"));
        assertEquals(7, viewModel.rows().size());
    }

    /** A reader that takes its time, so a batch can be cancelled half way. */
    private static ModelLoader slowLoader() {
        return () -> new LoadedModel("slow", "CPU", "slow", () -> new FrameReader() {
            private final ColourModel.Reader reader = new ColourModel.Reader();

            @Override
            public FrameResult classify(Mat bgr) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return reader.classify(bgr);
            }

            @Override
            public void close() {
            }
        }, () -> { });
    }

    @Test
    void cancel_stopsTheBatchAndKeepsTheRowsRead() throws Exception {
        create(slowLoader());
        Path folder = temp.resolve("many");
        for (int i = 0; i < 200; i++) {
            ColourModel.write(folder.resolve(String.format("%03d.png", i)), "C", 0.9, true);
        }
        fx(() -> {
            viewModel.open(List.of(folder));
            return null;
        });
        waitFor("some rows", () -> viewModel.rows().size() >= 10);
        assertTrue(viewModel.runningProperty().get());
        double progress = viewModel.progressProperty().get();
        assertTrue(progress > 0 && progress < 1, "progress " + progress);
        fx(() -> {
            viewModel.cancel();
            return null;
        });
        waitFor("the batch to stop", () -> !viewModel.runningProperty().get());
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        int kept = viewModel.rows().size();
        assertTrue(kept >= 10 && kept < 200, kept + " rows");
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(kept, viewModel.rows().size(), "no more files are read after the cancel");
        assertTrue(viewModel.statusProperty().get().startsWith("Cancelled"), viewModel.statusProperty().get());
    }

    @Test
    void paste_readsAnImageWithoutAFile() throws Exception {
        create(ColourModel.loader());
        Path source = ColourModel.write(temp.resolve("src/p.png"), "L", 0.66, true);
        BgraImage pixels;
        try (ImageLoader.LoadedImage image = new ImageLoader().load(source)) {
            pixels = BgraImage.fit(image.bgr(), 1000);
        }
        BgraImage pasted = pixels;
        fx(() -> {
            viewModel.paste(pasted);
            return null;
        });
        waitFor("the pasted row", () -> viewModel.rows().size() == 1 && !viewModel.runningProperty().get());
        FileRow row = viewModel.rows().get(0);
        assertEquals("L", row.label());
        assertEquals(0.66, row.confidence(), 0.01);
        assertTrue(Files.isRegularFile(row.file()), "saved so it can be shown again: " + row.file());
    }

    @Test
    void select_makesAPreviewWithImageCropAndBox() throws Exception {
        create(ColourModel.loader());
        openAndWait(List.of(labelledSet()), 7);
        FileRow a1 = viewModel.rows().stream().filter(r -> r.name().equals("a1.png")).findFirst().orElseThrow();
        fx(() -> {
            viewModel.select(a1);
            return null;
        });
        waitFor("the preview", () -> viewModel.previewProperty().get() != null);
        Preview preview = viewModel.previewProperty().get();
        assertEquals(a1, preview.row());
        assertEquals(60, preview.image().getWidth());
        assertEquals(PreviewLoader.CROP_SIDE, preview.crop().getWidth());
        assertFalse(preview.box().guide(), "a found hand gets a solid box");
        assertEquals(0.8 * 40 / 60, preview.box().width(), 1e-9);

        FileRow broken = viewModel.rows().stream().filter(FileRow::failed).findFirst().orElseThrow();
        fx(() -> {
            viewModel.select(broken);
            return null;
        });
        waitFor("the failed file's preview", () -> viewModel.previewProperty().get().row() == broken);
        assertNull(viewModel.previewProperty().get().image());
        assertEquals(broken.error(), viewModel.previewProperty().get().problem());
    }

    @Test
    void open_withAModelThatCannotLoad_saysWhyAndCanTryAgain() throws Exception {
        int[] attempts = new int[1];
        create(() -> {
            attempts[0]++;
            throw new org.fingerspell.model.ModelException("models/missing.onnx: model file not found");
        });
        Path folder = temp.resolve("one");
        ColourModel.write(folder.resolve("x.png"), "E", 0.9, true);
        fx(() -> {
            viewModel.open(List.of(folder));
            return null;
        });
        waitFor("the failure", () -> !viewModel.runningProperty().get() && attempts[0] == 1);
        assertTrue(viewModel.statusProperty().get().contains("model file not found"),
                viewModel.statusProperty().get());
        assertTrue(viewModel.rows().isEmpty());
        fx(() -> {
            viewModel.open(List.of(folder));
            return null;
        });
        waitFor("the second attempt", () -> !viewModel.runningProperty().get() && attempts[0] == 2);
    }

    @Test
    void trueLabel_isTheParentFolderWhenItIsAClass() {
        assertEquals("del", FileRow.trueLabelOf(Path.of("/x/Del/1.jpg")));
        assertEquals("A", FileRow.trueLabelOf(Path.of("/x/a/1.jpg")));
        assertNull(FileRow.trueLabelOf(Path.of("/x/holiday/1.jpg")));
        assertNull(FileRow.trueLabelOf(Path.of("1.jpg")));
        assertTrue(Arrays.stream(RowFilter.values()).noneMatch(f -> f.toString().isBlank()));
    }
}
