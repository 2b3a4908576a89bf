package org.fingerspell.dataset;

import org.fingerspell.model.Labels;
import org.fingerspell.video.ThreadLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder-per-class image set: {@code ROOT/<class>/...image files}, class folder names matched to labels
 * case-insensitively ({@code a}, {@code A}, {@code Del}). Folders that are not classes are listed, not read.
 */
public final class ClassFolderSet {

    private final Path root;
    private final List<LabeledImage> images;
    private final List<String> ignoredFolders;

    private ClassFolderSet(Path root, List<LabeledImage> images, List<String> ignoredFolders) {
        this.root = root;
        this.images = images;
        this.ignoredFolders = ignoredFolders;
    }

    public static ClassFolderSet scan(Path root) throws IOException {
        ThreadLog.shared().record(ThreadLog.FILE_IO);
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "dataset folder not found");
        }
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(root.toString());
        }
        List<LabeledImage> images = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<Path> folders;
        try (Stream<Path> children = Files.list(root)) {
            folders = children.filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            var label = Labels.parse(name);
            if (label.isEmpty()) {
                ignored.add(name);
                continue;
            }
            for (Path file : ImageFiles.walk(folder)) {
                images.add(new LabeledImage(file, label.get()));
            }
        }
        images.sort(Comparator.comparingInt((LabeledImage image) -> Labels.indexOf(image.label()))
                .thenComparing(image -> image.file().toString()));
        return new ClassFolderSet(root, List.copyOf(images), List.copyOf(ignored));
    }

    public Path root() {
        return root;
    }

    public List<LabeledImage> images() {
        return images;
    }

    /** Folders directly under the root whose names are not classes. */
    public List<String> ignoredFolders() {
        return ignoredFolders;
    }

    /** Each present class's first image (in path order): the reference picture a guided capture shows. */
    public Map<String, Path> firstImagePerClass() {
        Map<String, Path> first = new LinkedHashMap<>();
        for (LabeledImage image : images) {
            first.putIfAbsent(image.label(), image.file());
        }
        return first;
    }

    /** The classes that have at least one image, in label order. */
    public Set<String> presentClasses() {
        Set<String> present = new LinkedHashSet<>();
        for (LabeledImage image : images) {
            present.add(image.label());
        }
        return present;
    }
}
