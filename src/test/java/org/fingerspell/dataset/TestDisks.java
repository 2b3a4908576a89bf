package org.fingerspell.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Real disks that fail: a tiny tmpfs (full for real, or remounted read-only; needs root and mount), or a folder
 * made read-only with chmod (stops writes only when not root). Tests skip with a clear message where neither works.
 */
public final class TestDisks {

    private TestDisks() {
    }

    public static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** A tmpfs of {@code kilobytes} mounted on {@code dir}, or empty where mount is not allowed. */
    public static Optional<Tmpfs> tmpfs(Path dir, int kilobytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        if (!isRoot() || !run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", dir.toString())) {
            return Optional.empty();
        }
        return Optional.of(new Tmpfs(dir));
    }

    /**
     * Makes {@code root} and its class folders unwritable for real: a read-only remount of the tmpfs it lies on,
     * or else chmod. Empty (the caller skips) when neither can stop this process from writing.
     */
    public static Optional<AutoCloseable> makeReadOnly(Path root, Tmpfs mounted) throws Exception {
        if (mounted != null) {
            return mounted.remount("ro") ? Optional.of(() -> mounted.remount("rw")) : Optional.empty();
        }
        List<Path> dirs;
        try (var walk = Files.walk(root)) {
            dirs = walk.filter(Files::isDirectory).toList();
        }
        for (Path dir : dirs) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        AutoCloseable restore = () -> {
            for (Path dir : dirs) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        };
        Path probe = root.resolve("probe-" + System.nanoTime());
        try {
            Files.createFile(probe);
            Files.delete(probe);
            restore.close();
            return Optional.empty();
        } catch (IOException expected) {
            return Optional.of(restore);
        }
    }

    public static final String CANNOT = "cannot make a real read-only or full disk here: running as root (chmod does "
            + "not stop root) and tmpfs cannot be mounted; the injected-fault tests cover the same path";

    /** A mounted tmpfs; closing unmounts it. */
    public static final class Tmpfs implements AutoCloseable {
        private final Path dir;

        private Tmpfs(Path dir) {
            this.dir = dir;
        }

        public Path dir() {
            return dir;
        }

        boolean remount(String mode) throws IOException, InterruptedException {
            return run("mount", "-o", "remount," + mode, dir.toString());
        }

        @Override
        public void close() throws IOException, InterruptedException {
            run("umount", "-l", dir.toString());
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
