package org.fingerspell.eval;

import org.fingerspell.model.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfusionHeatmapTest {

    private static ConfusionMatrix full(List<String> labels) {
        ConfusionMatrix m = new ConfusionMatrix(labels);
        for (String label : labels) {
            for (int i = 0; i < 60; i++) {
                m.add(label, label);
            }
            m.add(label, labels.get((labels.indexOf(label) + 1) % labels.size()));
        }
        return m;
    }

    @Test
    void render_fitsOnAScreen_twentyNineClasses() {
        BufferedImage image = new ConfusionHeatmap().render(full(Labels.ALL), "all");
        assertTrue(image.getWidth() < 1300, "width " + image.getWidth());
        assertTrue(image.getHeight() < 1200, "height " + image.getHeight());
    }

    @Test
    void render_addsOtherColumn_letterSubset() {
        BufferedImage letters = new ConfusionHeatmap().render(full(Labels.LETTERS), "letters");
        BufferedImage all = new ConfusionHeatmap().render(full(Labels.ALL), "all");
        // 26 class columns + other = 27 columns versus 29 (no other needed when every class is scored).
        assertEquals(2 * 30, all.getWidth() - letters.getWidth());
    }

    @Test
    void render_diagonalDarkerThanEmptyCell_rowNormalisedShade() {
        ConfusionHeatmap heatmap = new ConfusionHeatmap(30);
        ConfusionMatrix m = new ConfusionMatrix(List.of("A", "B"));
        m.add("A", "A");
        m.add("B", "B");
        BufferedImage image = heatmap.render(m, "two");
        int white = Color.WHITE.getRGB();
        int corner = image.getRGB(image.getWidth() - 1, image.getHeight() - 1);
        assertEquals(white, corner);
        assertNotEquals(0, countNonWhite(image));
    }

    @Test
    void write_producesPng_readableBack(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("c.png");
        new ConfusionHeatmap().write(full(Labels.LETTERS), "letters", png);
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 26 * 30);
    }

    @Test
    void new_rejectsTinyCells() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionHeatmap(5));
    }

    @Test
    void shade_interpolatesBetweenStops_endsExact() {
        Color[] stops = {Color.WHITE, Color.BLACK};
        assertEquals(Color.WHITE, ConfusionHeatmap.shade(stops, 0));
        assertEquals(Color.BLACK, ConfusionHeatmap.shade(stops, 1));
        assertEquals(new Color(128, 128, 128), ConfusionHeatmap.shade(stops, 0.5));
    }

    private static int countNonWhite(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != Color.WHITE.getRGB()) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void cellRgb_blueCorrectRedErrorWhiteEmptyGreyAbsent() {
        int correct = ConfusionHeatmap.cellRgb(8, 10, true);
        int error = ConfusionHeatmap.cellRgb(8, 10, false);
        assertTrue((correct & 0xFF) > (correct >> 16 & 0xFF), Integer.toHexString(correct));
        assertTrue((error >> 16 & 0xFF) > (error & 0xFF), Integer.toHexString(error));
        assertEquals(0xFFFFFF, ConfusionHeatmap.cellRgb(0, 10, false));
        assertEquals(0xF0F0F0, ConfusionHeatmap.cellRgb(0, 0, false));
        assertTrue(ConfusionHeatmap.lightText(6, 10));
        assertFalse(ConfusionHeatmap.lightText(5, 10));
    }
}
