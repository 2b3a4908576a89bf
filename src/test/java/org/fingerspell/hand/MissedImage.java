package org.fingerspell.hand;

import org.fingerspell.model.Labels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** For the studies: an image a {@code fingerspell crop} run found no palm in, and whether its class is {@code nothing}. */
record MissedImage(String file, boolean nothing) {

    /** The rows of a {@code crops.csv} whose source is {@code no_hand}, in file order. */
    static List<MissedImage> read(Path cropsCsv) throws IOException {
        List<String> rows = Files.readAllLines(cropsCsv);
        List<MissedImage> missed = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            if ("no_hand".equals(f[4])) {
                missed.add(new MissedImage(f[2], Labels.NOTHING.equals(f[1])));
            }
        }
        return missed;
    }

    static long hands(List<MissedImage> images) {
        return images.stream().filter(m -> !m.nothing()).count();
    }
}
