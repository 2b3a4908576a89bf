package org.fingerspell.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Every write a {@link CaptureStore} makes goes through here: the one boundary where a full or read-only disk
 * shows up, and where tests put their faults. {@link #DISK} is the real one.
 */
public interface StoreFileSystem {

    /** Writes a new file: a temp file beside it, forced to disk, then renamed. Fails if {@code target} exists. */
    void writeNew(Path target, byte[] content) throws IOException;

    /** Appends one line and forces it to disk before returning. */
    void appendLine(Path file, String line) throws IOException;

    /** Replaces {@code target} as a whole: a temp file, forced, then an atomic rename over it. */
    void replace(Path target, byte[] content) throws IOException;

    /** Moves a file; fails if {@code to} exists. */
    void move(Path from, Path to) throws IOException;

    /** The prefix of the temp files {@link #DISK} writes; recovery moves leftovers aside. */
    String TEMP_PREFIX = ".tmp-";

    StoreFileSystem DISK = new StoreFileSystem() {
        @Override
        public void writeNew(Path target, byte[] content) throws IOException {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            // Not ATOMIC_MOVE: on POSIX that is rename(2), which would silently replace a file that appeared.
            rename(writeTemp(target, content), target);
        }

        @Override
        public void appendLine(Path file, String line) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                long size = channel.size();
                try {
                    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
                    channel.position(size);
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                    channel.force(true);
                } catch (IOException e) {
                    // A disk that filled up mid-line leaves half a row: cut it off so the rows before stay whole.
                    truncateQuietly(channel, size);
                    throw e;
                }
            }
        }

        @Override
        public void replace(Path target, byte[] content) throws IOException {
            rename(writeTemp(target, content), target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            Files.createDirectories(to.getParent());
            Files.move(from, to);
            forceDirectory(to.getParent());
            forceDirectory(from.getParent());
        }

        /** Renames a forced temp file into place and makes the rename durable; the temp never stays behind. */
        private void rename(Path temp, Path target, CopyOption... options) throws IOException {
            try {
                Files.move(temp, target, options);
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            forceDirectory(target.getParent());
        }

        private void truncateQuietly(FileChannel channel, long size) {
            try {
                channel.truncate(size);
                channel.force(true);
            } catch (IOException e) {
                // Nothing more to do here: the next open finds the torn line and sets it aside.
            }
        }

        private Path writeTemp(Path target, byte[] content) throws IOException {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling(TEMP_PREFIX + target.getFileName());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            return temp;
        }

        /** Makes a rename durable; some platforms cannot open a directory, where the rename is all there is. */
        private void forceDirectory(Path directory) {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException | UnsupportedOperationException e) {
                // Windows cannot open directories; the rename itself is still atomic there.
            }
        }
    };
}
