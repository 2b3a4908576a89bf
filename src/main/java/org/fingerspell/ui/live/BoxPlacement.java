package org.fingerspell.ui.live;

import org.fingerspell.hand.CropRegion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the hand box is drawn: from the frame's pixels to display fractions (mirrored as the video is), then to
 * the view's pixels, cut to the area the box may cover. The region the model reads is the hand enlarged and turned
 * upright, so for a hand that fills the frame it reaches well past the picture; drawn as it is, most of it would
 * lie over the letterbox or outside the pane. Cutting it (rather than shrinking or moving it) keeps the sides that
 * are on the picture exactly where the model looked. Plain geometry, no JavaFX, so it is unit-tested.
 */
public final class BoxPlacement {

    /** An axis-aligned rectangle in view pixels. */
    public record Area(double x, double y, double width, double height) {

        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        /** This area shrunk by {@code by} on every side (an area of no size if it is smaller than that). */
        public Area inset(double by) {
            double w = Math.max(0, width - 2 * by);
            double h = Math.max(0, height - 2 * by);
            return new Area(x + Math.min(by, width / 2), y + Math.min(by, height / 2), w, h);
        }
    }

    public record Point(double x, double y) {
    }

    /** The drawn box: a convex polygon in view pixels (four corners when it is wholly inside, up to eight when cut). */
    public record Outline(List<Point> corners) {

        public Outline {
            corners = List.copyOf(corners);
        }

        public double left() {
            return corners.stream().mapToDouble(Point::x).min().orElseThrow();
        }

        public double right() {
            return corners.stream().mapToDouble(Point::x).max().orElseThrow();
        }

        public double top() {
            return corners.stream().mapToDouble(Point::y).min().orElseThrow();
        }

        public double bottom() {
            return corners.stream().mapToDouble(Point::y).max().orElseThrow();
        }
    }

    private BoxPlacement() {
    }

    /**
     * A crop region in frame pixels as display fractions. Mirroring flips the centre and the turn, as the shown
     * video is flipped.
     */
    public static HandBox inFrame(CropRegion region, int frameWidth, int frameHeight, boolean mirror, boolean guide) {
        Point centre = inFrame(region.centerX(), region.centerY(), frameWidth, frameHeight, mirror);
        double rotation = mirror ? -region.rotationDegrees() : region.rotationDegrees();
        return new HandBox(centre.x(), centre.y(), region.side() / frameWidth, region.side() / frameHeight, rotation,
                guide);
    }

    /** A point in frame pixels as display fractions, mirrored as the shown video is. */
    public static Point inFrame(double x, double y, int frameWidth, int frameHeight, boolean mirror) {
        double fractionX = x / frameWidth;
        return new Point(mirror ? 1 - fractionX : fractionX, y / frameHeight);
    }

    /** A point in display fractions at its place on a picture shown at {@code picture} (view pixels). */
    public static Point onPicture(Point fraction, Area picture) {
        return new Point(picture.x() + fraction.x() * picture.width(), picture.y() + fraction.y() * picture.height());
    }

    /**
     * The box drawn over a picture shown at {@code picture}, cut to {@code bounds}; empty when nothing of it is
     * inside.
     */
    public static Optional<Outline> inView(HandBox box, Area picture, Area bounds) {
        Point centre = onPicture(new Point(box.centerX(), box.centerY()), picture);
        double centerX = centre.x();
        double centerY = centre.y();
        double halfWidth = box.width() * picture.width() / 2;
        double halfHeight = box.height() * picture.height() / 2;
        double turn = Math.toRadians(box.rotation());
        double cos = Math.cos(turn);
        double sin = Math.sin(turn);
        List<Point> corners = new ArrayList<>(4);
        // Clockwise from the top-left; a positive turn is clockwise on screen (y grows downwards), as in JavaFX.
        double[][] offsets = {{-halfWidth, -halfHeight}, {halfWidth, -halfHeight}, {halfWidth, halfHeight},
                {-halfWidth, halfHeight}};
        for (double[] o : offsets) {
            corners.add(new Point(centerX + o[0] * cos - o[1] * sin, centerY + o[0] * sin + o[1] * cos));
        }
        List<Point> cut = clip(corners, bounds);
        return cut.size() < 3 ? Optional.empty() : Optional.of(new Outline(cut));
    }

    /**
     * Where the box's label (its top-left corner) goes: on the box's top-left, just above it, or just inside it
     * when there is no room above within {@code bounds} (a box that touches the picture's top edge), and moved
     * left where it would run past the right edge.
     */
    public static Point labelAt(Outline outline, double labelWidth, double labelHeight, Area bounds) {
        double x = Math.max(bounds.x(), Math.min(outline.left(), bounds.right() - labelWidth));
        double above = outline.top() - labelHeight;
        double y = above >= bounds.y() ? above : Math.min(outline.top(), bounds.bottom() - labelHeight);
        return new Point(x, Math.max(bounds.y(), y));
    }

    /** Sutherland–Hodgman: a convex polygon cut by each of the rectangle's four sides in turn. */
    private static List<Point> clip(List<Point> polygon, Area bounds) {
        List<Point> result = cut(polygon, true, bounds.x(), true);
        result = cut(result, true, bounds.right(), false);
        result = cut(result, false, bounds.y(), true);
        return cut(result, false, bounds.bottom(), false);
    }

    /**
     * Keeps the part of the polygon on one side of the line x = limit ({@code onX}) or y = limit: the side above
     * the limit when {@code keepAbove}, else the side below.
     */
    private static List<Point> cut(List<Point> polygon, boolean onX, double limit, boolean keepAbove) {
        List<Point> kept = new ArrayList<>(polygon.size() + 2);
        for (int i = 0; i < polygon.size(); i++) {
            Point from = polygon.get(i);
            Point to = polygon.get((i + 1) % polygon.size());
            double a = inside(from, onX, limit, keepAbove);
            double b = inside(to, onX, limit, keepAbove);
            if (a >= 0) {
                kept.add(from);
            }
            if ((a >= 0) != (b >= 0)) {
                double t = a / (a - b);
                // The crossing is put exactly on the line, so rounding never leaves a corner a hair outside.
                kept.add(onX ? new Point(limit, from.y() + t * (to.y() - from.y()))
                        : new Point(from.x() + t * (to.x() - from.x()), limit));
            }
        }
        return kept;
    }

    private static double inside(Point p, boolean onX, double limit, boolean keepAbove) {
        double value = onX ? p.x() : p.y();
        return keepAbove ? value - limit : limit - value;
    }
}
