package org.fingerspell.dataset;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real disk, except that chosen writes fail the way a full disk fails ("No space left on device"): the fault
 * sits exactly at the store's write boundary, so it works where a real read-only folder cannot (tests as root).
 */
public final class FaultyFileSystem implements StoreFileSystem {

    public enum Operation { WRITE_NEW, APPEND, REPLACE, MOVE }

    private final AtomicInteger allowedImageWrites = new AtomicInteger(Integer.MAX_VALUE);
    private volatile Operation failing;

    /** Image writes (files under a class folder) after the first {@code n} fail. */
    public FaultyFileSystem failImagesAfter(int n) {
        allowedImageWrites.set(n);
        return this;
    }

    /** Every {@code operation} fails from now on. */
    public FaultyFileSystem fail(Operation operation) {
        failing = operation;
        return this;
    }

    public static IOException diskFull(Path file) {
        return new FileSystemException(file.toString(), null, "No space left on device");
    }

    @Override
    public void writeNew(Path target, byte[] content) throws IOException {
        boolean image = !target.getFileName().toString().endsWith(".csv") && !target.getParent().getFileName()
                .toString().startsWith(".");
        if (image && allowedImageWrites.getAndDecrement() <= 0) {
            throw diskFull(target);
        }
        check(Operation.WRITE_NEW, target);
        DISK.writeNew(target, content);
    }

    @Override
    public void appendLine(Path file, String line) throws IOException {
        check(Operation.APPEND, file);
        DISK.appendLine(file, line);
    }

    @Override
    public void replace(Path target, byte[] content) throws IOException {
        check(Operation.REPLACE, target);
        DISK.replace(target, content);
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        check(Operation.MOVE, to);
        DISK.move(from, to);
    }

    private void check(Operation operation, Path file) throws IOException {
        if (failing == operation) {
            throw diskFull(file);
        }
    }
}
