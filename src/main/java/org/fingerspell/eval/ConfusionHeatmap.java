package org.fingerspell.eval;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws a confusion matrix as a PNG heat map with java.awt (headless): rows true, columns predicted, each cell's
 * shade its share of the row (correct cells blue, errors red, so a confusion stands out whatever the class sizes),
 * the count written in every non-empty cell, row supports on the right, absent classes greyed out.
 */
public final class ConfusionHeatmap {

    private static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
    private static final Color TEXT = new Color(0x20, 0x20, 0x20);
    private static final Color MUTED = new Color(0x90, 0x90, 0x90);
    private static final Color ABSENT = new Color(0xF0, 0xF0, 0xF0);
    private static final Color[] BLUES = {new Color(0xF7, 0xFB, 0xFF), new Color(0x9E, 0xCA, 0xE1),
        new Color(0x42, 0x92, 0xC6), new Color(0x08, 0x30, 0x6B)};
    private static final Color[] REDS = {new Color(0xFF, 0xF5, 0xF0), new Color(0xFC, 0xAE, 0x91),
        new Color(0xFB, 0x6A, 0x4A), new Color(0x99, 0x00, 0x0D)};

    private final int cell;

    public ConfusionHeatmap() {
        this(30);
    }

    /** {@code cell}: the side of one cell in pixels (30 keeps a 29×29 matrix under 1,200 px wide). */
    public ConfusionHeatmap(int cell) {
        if (cell < 12) {
            throw new IllegalArgumentException("cells under 12 px cannot hold a count");
        }
        this.cell = cell;
    }

    public void write(ConfusionMatrix matrix, String title, Path png) throws IOException {
        ImageIO.write(render(matrix, title), "png", png.toFile());
    }

    public BufferedImage render(ConfusionMatrix matrix, String title) {
        List<String> labels = matrix.labels();
        int rows = labels.size();
        boolean other = matrix.otherTotal() > 0 || rows < org.fingerspell.model.Labels.count();
        int columns = rows + (other ? 1 : 0);

        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, cell * 2 / 5));
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        Font axisFont = new Font(Font.SANS_SERIF, Font.BOLD, 13);
        Font smallFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

        // Measure labels on a scratch image so margins fit the longest one.
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = scratch.createGraphics();
        FontMetrics lm = sg.getFontMetrics(labelFont);
        int longest = lm.stringWidth(ConfusionMatrix.OTHER);
        for (String label : labels) {
            longest = Math.max(longest, lm.stringWidth(label));
        }
        longest = Math.max(longest, lm.stringWidth("nothing"));
        sg.dispose();

        int left = 28 + longest + 10;
        int top = 48;
        int gridW = columns * cell;
        int gridH = rows * cell;
        int right = 70 + 90;
        int bottom = longest + 14 + 30;
        int width = left + gridW + right;
        int height = top + gridH + bottom;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);

            g.setColor(TEXT);
            g.setFont(titleFont);
            g.drawString(title == null ? "Confusion matrix" : title, 10, 22);
            g.setFont(smallFont);
            g.setColor(MUTED);
            g.drawString("rows: true class, columns: predicted class; shade = share of the row (blue correct, red error)",
                    10, 38);

            for (int r = 0; r < rows; r++) {
                long support = matrix.rowTotal(r);
                for (int c = 0; c < columns; c++) {
                    int x = left + c * cell;
                    int y = top + r * cell;
                    long count = matrix.count(r, c);
                    g.setColor(new Color(cellRgb(count, support, r == c)));
                    g.fillRect(x, y, cell, cell);
                    if (count > 0) {
                        drawCount(g, count, x, y, lightText(count, support));
                    }
                }
            }
            // Grid, then a frame around the diagonal so it reads at a glance.
            g.setColor(GRID);
            g.setStroke(new BasicStroke(1f));
            for (int r = 0; r <= rows; r++) {
                g.drawLine(left, top + r * cell, left + gridW, top + r * cell);
            }
            for (int c = 0; c <= columns; c++) {
                g.drawLine(left + c * cell, top, left + c * cell, top + gridH);
            }
            if (other) {
                g.setColor(MUTED);
                g.setStroke(new BasicStroke(2f));
                g.drawLine(left + rows * cell, top, left + rows * cell, top + gridH);
            }
            g.setColor(TEXT);
            g.setStroke(new BasicStroke(1.5f));
            g.drawRect(left, top, gridW, gridH);

            // Row labels (true) on the left, with the support on the right.
            g.setFont(labelFont);
            FontMetrics fm = g.getFontMetrics();
            int baseline = (cell + fm.getAscent() - fm.getDescent()) / 2;
            for (int r = 0; r < rows; r++) {
                String label = labels.get(r);
                long support = matrix.rowTotal(r);
                g.setColor(support == 0 ? MUTED : TEXT);
                g.drawString(label, left - 6 - fm.stringWidth(label), top + r * cell + baseline);
                String n = support == 0 ? "absent" : Long.toString(support);
                g.setColor(support == 0 ? MUTED : TEXT);
                g.drawString(n, left + gridW + 8, top + r * cell + baseline);
            }
            g.setFont(smallFont);
            g.setColor(MUTED);
            g.drawString("images", left + gridW + 8, top - 6);

            // Column labels (predicted) under the grid, turned to read upwards.
            g.setFont(labelFont);
            for (int c = 0; c < columns; c++) {
                String label = c < rows ? labels.get(c) : ConfusionMatrix.OTHER;
                g.setColor(c < rows ? TEXT : MUTED);
                AffineTransform saved = g.getTransform();
                int x = left + c * cell + (cell + fm.getAscent() - fm.getDescent()) / 2;
                int y = top + gridH + 6 + fm.stringWidth(label);
                g.translate(x, y);
                g.rotate(-Math.PI / 2);
                g.drawString(label, 0, 0);
                g.setTransform(saved);
            }

            // Axis titles.
            g.setFont(axisFont);
            g.setColor(TEXT);
            FontMetrics am = g.getFontMetrics();
            String predicted = "Predicted class";
            g.drawString(predicted, left + (gridW - am.stringWidth(predicted)) / 2, height - 10);
            AffineTransform saved = g.getTransform();
            String truth = "True class";
            g.translate(18, top + (gridH + am.stringWidth(truth)) / 2);
            g.rotate(-Math.PI / 2);
            g.drawString(truth, 0, 0);
            g.setTransform(saved);

            drawLegend(g, left + gridW + 70, top, Math.min(gridH, 240), smallFont);
        } finally {
            g.dispose();
        }
        return image;
    }

    private void drawCount(Graphics2D g, long count, int x, int y, boolean light) {
        String text = Long.toString(count);
        int size = Math.max(9, cell * 2 / 5);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
        FontMetrics fm = g.getFontMetrics(font);
        while (fm.stringWidth(text) > cell - 4 && size > 7) {
            size--;
            font = new Font(Font.SANS_SERIF, Font.BOLD, size);
            fm = g.getFontMetrics(font);
        }
        g.setFont(font);
        g.setColor(light ? Color.WHITE : TEXT);
        g.drawString(text, x + (cell - fm.stringWidth(text)) / 2, y + (cell + fm.getAscent() - fm.getDescent()) / 2);
    }

    private void drawLegend(Graphics2D g, int x, int y, int h, Font font) {
        int w = 14;
        for (int i = 0; i < h; i++) {
            double t = 1.0 - (double) i / (h - 1);
            g.setColor(shade(BLUES, 0.12 + 0.88 * t));
            g.fillRect(x, y + i, w, 1);
            g.setColor(shade(REDS, 0.12 + 0.88 * t));
            g.fillRect(x + w + 2, y + i, w, 1);
        }
        g.setColor(GRID);
        g.drawRect(x, y, w, h);
        g.drawRect(x + w + 2, y, w, h);
        g.setFont(font);
        g.setColor(TEXT);
        FontMetrics fm = g.getFontMetrics();
        g.drawString("100%", x + 2 * w + 6, y + fm.getAscent());
        g.drawString("50%", x + 2 * w + 6, y + h / 2 + fm.getAscent() / 2);
        g.drawString("0%", x + 2 * w + 6, y + h);
        g.setColor(MUTED);
        g.drawString("correct", x - 2, y + h + 14);
        g.drawString("error", x + w + 2, y + h + 28);
        g.drawString("share", x, y - 6);
    }

    /**
     * The fill of one cell as {@code 0xRRGGBB}: its share of the row's {@code support} shaded blue on the diagonal
     * ({@code correct}) and red off it, white when empty, grey for an absent class. The evaluation view paints its
     * grid with the same colours as this PNG.
     */
    public static int cellRgb(long count, long support, boolean correct) {
        if (support == 0) {
            return ABSENT.getRGB() & 0xFFFFFF;
        }
        if (count == 0) {
            return 0xFFFFFF;
        }
        return shade(correct ? BLUES : REDS, 0.12 + 0.88 * count / support).getRGB() & 0xFFFFFF;
    }

    /** Whether a count is written in white: on cells darker than half the scale. */
    public static boolean lightText(long count, long support) {
        return support > 0 && (double) count / support > 0.5;
    }

    /** Linear interpolation through the colour stops, {@code t} in 0..1. */
    static Color shade(Color[] stops, double t) {
        double clamped = Math.max(0, Math.min(1, t));
        double position = clamped * (stops.length - 1);
        int i = Math.min((int) position, stops.length - 2);
        double f = position - i;
        Color a = stops[i];
        Color b = stops[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
