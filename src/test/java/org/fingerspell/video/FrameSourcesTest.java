package org.fingerspell.video;

import org.fingerspell.TestData;
import org.fingerspell.image.OpenCv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameSourcesTest {

    @Test
    void folderSource_playsRealImagesInFrameOrder() throws Exception {
        Path folder = TestData.pack("kaggle-train").resolve("B");
        try (FolderSource source = new FolderSource(folder, 30, false)) {
            source.open();
            assertEquals(300, source.files().size());
            assertTrue(source.files().get(0).getFileName().toString().matches("B\\d\\.jpg"));
            Mat frame = source.grab();
            try {
                assertEquals(160, frame.cols());
            } finally {
                frame.release();
            }
        }
    }

    @Test
    void folderSource_endsOrLoops(@TempDir Path dir) throws Exception {
        OpenCv.load();
        Mat image = FakeSources.frameOf("A");
        org.opencv.imgcodecs.Imgcodecs.imwrite(dir.resolve("1.png").toString(), image);
        image.release();
        try (FolderSource once = new FolderSource(dir, 30, false)) {
            once.open();
            once.grab().release();
            assertNull(once.grab());
        }
        try (FolderSource looping = new FolderSource(dir, 30, true)) {
            looping.open();
            looping.grab().release();
            looping.grab().release();
        }
    }

    @Test
    void folderSource_emptyFolder_isNotFound(@TempDir Path dir) {
        FrameSourceException e = assertThrows(FrameSourceException.class, () -> new FolderSource(dir, 30, false).open());
        assertEquals(FrameSourceException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void videoFileSource_readsAndLoopsMjpegAvi(@TempDir Path dir) throws Exception {
        OpenCv.load();
        Path file = dir.resolve("clip.avi");
        VideoWriter writer = new VideoWriter(file.toString(), VideoWriter.fourcc('M', 'J', 'P', 'G'), 25, new Size(64, 48));
        assertTrue(writer.isOpened());
        for (int i = 0; i < 5; i++) {
            Mat frame = FakeSources.frameOf("C");
            writer.write(frame);
            frame.release();
        }
        writer.release();
        try (VideoFileSource source = new VideoFileSource(file, 0, true)) {
            source.open();
            assertEquals(25, source.fps(), 0.5);
            for (int i = 0; i < 12; i++) {
                Mat frame = source.grab();
                assertNotNull(frame, "frame " + i);
                frame.release();
            }
        }
        try (VideoFileSource once = new VideoFileSource(file, 0, false)) {
            once.open();
            int count = 0;
            for (Mat frame = once.grab(); frame != null; frame = once.grab()) {
                frame.release();
                count++;
            }
            assertEquals(5, count);
        }
    }

    @Test
    void videoFileSource_missingFile_isNotFound(@TempDir Path dir) {
        FrameSourceException e = assertThrows(FrameSourceException.class,
                () -> new VideoFileSource(dir.resolve("none.mp4"), 0, false).open());
        assertEquals(FrameSourceException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void cameraSource_absentCamera_isNotFound() {
        FrameSourceException e = assertThrows(FrameSourceException.class,
                () -> new CameraSource(63, CameraSource.Resolution.VGA).open());
        assertEquals(FrameSourceException.Kind.NOT_FOUND, e.kind());
    }
}
