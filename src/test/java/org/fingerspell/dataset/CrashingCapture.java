package org.fingerspell.dataset;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A capture process the crash test kills: it saves {@code args[1]} shots normally, then one more whose manifest
 * append blocks after the image is on disk, announcing {@link #AT_HOOK} so the parent can kill it right there.
 */
public final class CrashingCapture {

    static final String AT_HOOK = "IMAGE WRITTEN, ROW NOT YET:";

    private CrashingCapture() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(args[0]);
        int whole = Integer.parseInt(args[1]);
        HangingAppend disk = new HangingAppend();
        CaptureStore store = CaptureStore.open(root, disk);
        for (int i = 0; i < whole; i++) {
            store.save(Shots.of("A", i));
        }
        disk.hang = true;
        store.save(Shots.of("B", whole));
        throw new IllegalStateException("the hook should have blocked until the process was killed");
    }

    private static final class HangingAppend implements StoreFileSystem {
        volatile boolean hang;

        @Override
        public void writeNew(Path target, byte[] content) throws IOException {
            DISK.writeNew(target, content);
        }

        @Override
        public void appendLine(Path file, String line) throws IOException {
            if (hang) {
                System.out.println(AT_HOOK + " " + line.substring(0, line.indexOf(',')));
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            DISK.appendLine(file, line);
        }

        @Override
        public void replace(Path target, byte[] content) throws IOException {
            DISK.replace(target, content);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            DISK.move(from, to);
        }
    }
}
