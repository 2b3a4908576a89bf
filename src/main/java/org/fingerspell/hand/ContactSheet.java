package org.fingerspell.hand;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

/**
 * A grid of crop thumbnails to look at: the label in the corner of each, and a red frame with "no hand" on the
 * ones where the detector found none (the centred-square fallback). Thumbnails are copied in; the sheet owns them.
 */
public final class ContactSheet implements AutoCloseable {

    private record Cell(Mat thumbnail, String label, boolean fallback) {
    }

    private final int cellSize;
    private final int columns;
    private final List<Cell> cells = new ArrayList<>();

    public ContactSheet(int cellSize, int columns) {
        if (cellSize < 16 || columns < 1) {
            throw new IllegalArgumentException("cell size at least 16 and one column or more");
        }
        this.cellSize = cellSize;
        this.columns = columns;
    }

    /** Adds a copy of {@code crop}, scaled to the cell size. */
    public synchronized void add(Mat crop, String label, boolean fallback) {
        Mat thumbnail = new Mat();
        Imgproc.resize(crop, thumbnail, new Size(cellSize, cellSize), 0, 0, Imgproc.INTER_AREA);
        cells.add(new Cell(thumbnail, label, fallback));
    }

    public synchronized int size() {
        return cells.size();
    }

    /** The sheet as one BGR image (the caller releases it); cells in the order added. */
    public synchronized Mat render() {
        int rows = Math.max(1, (cells.size() + columns - 1) / columns);
        int gap = 2;
        Mat sheet = new Mat(rows * (cellSize + gap) + gap, columns * (cellSize + gap) + gap, CvType.CV_8UC3,
                new Scalar(40, 40, 40));
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            int x = gap + (i % columns) * (cellSize + gap);
            int y = gap + (i / columns) * (cellSize + gap);
            Mat target = sheet.submat(new Rect(x, y, cellSize, cellSize));
            try {
                cell.thumbnail().copyTo(target);
                double fontScale = cellSize / 200.0;
                Point corner = new Point(3, 3 + 22 * fontScale + 4);
                Imgproc.putText(target, cell.label(), corner, Imgproc.FONT_HERSHEY_SIMPLEX, fontScale * 1.2,
                        new Scalar(0, 0, 0), 3);
                Imgproc.putText(target, cell.label(), corner, Imgproc.FONT_HERSHEY_SIMPLEX, fontScale * 1.2,
                        new Scalar(255, 255, 255), 1);
                if (cell.fallback()) {
                    Imgproc.rectangle(target, new Point(0, 0), new Point(cellSize - 1, cellSize - 1),
                            new Scalar(0, 0, 255), Math.max(2, cellSize / 40));
                    Imgproc.putText(target, "no hand", new Point(3, cellSize - 5), Imgproc.FONT_HERSHEY_SIMPLEX,
                            fontScale, new Scalar(0, 0, 255), 1);
                }
            } finally {
                target.release();
            }
        }
        return sheet;
    }

    @Override
    public synchronized void close() {
        for (Cell cell : cells) {
            cell.thumbnail().release();
        }
        cells.clear();
    }
}
