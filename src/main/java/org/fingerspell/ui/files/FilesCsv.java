package org.fingerspell.ui.files;

import org.fingerspell.eval.Formats;
import org.fingerspell.video.ThreadLog;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Files table as CSV: one line per row, failed files with their reason. */
public final class FilesCsv {

    public static final String HEADER = "index,file,true_label,prediction,confidence,hand_found,top5,error";

    private FilesCsv() {
    }

    public static String line(FileRow row) {
        String top = row.top().stream()
                .map(score -> score.label() + " " + String.format(Locale.ROOT, "%.4f", score.probability()))
                .collect(Collectors.joining(";"));
        return String.join(",", Integer.toString(row.index()), Formats.csv(row.file().toString()),
                Formats.csv(row.trueLabel()), Formats.csv(row.label()), Formats.csvNumber(row.confidence()),
                row.failed() ? "" : Boolean.toString(row.handFound()), Formats.csv(top), Formats.csv(row.error()));
    }

    /**
     * Writes {@code rows} to {@code target} through a temporary file beside it, so a full or read-only disk leaves
     * any earlier export whole. Off the FX thread.
     */
    public static void write(List<FileRow> rows, Path target) throws IOException {
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        Path folder = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, ".fingerspell-export-", ".csv");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                out.write('\n');
                for (FileRow row : rows) {
                    out.write(line(row));
                    out.write('\n');
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
