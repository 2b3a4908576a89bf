package org.fingerspell.dataset;

import org.fingerspell.AppInfo;
import org.fingerspell.model.Labels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A capture dataset on disk: {@code ROOT/<class>/<image>} (the layout {@link ClassFolderSet} and
 * {@code fingerspell eval} read) and {@code ROOT/manifest.csv}, one row per image.
 * <ul>
 *   <li>An image is written to a temp file, forced to disk and renamed; only then is its row appended and
 *       forced. A crash loses at most the frame being written, and opening the store again adopts an image whose
 *       row never made it ({@link RecoveryReport}).</li>
 *   <li>Nothing is overwritten: names are new, and a name that exists is skipped.</li>
 *   <li>The first failed write stops the store: every later save is refused with the same message, so a full
 *       disk cannot leave a trail of half-saved frames.</li>
 *   <li>Delete moves the image to {@code .deleted/} (its row to {@code .deleted/manifest.csv}), so it can be
 *       restored; delete and relabel rewrite the manifest as a whole through a temp file and a rename.</li>
 * </ul>
 * Thread-safe; every method does file I/O, so call it off the UI thread.
 */
public final class CaptureStore {

    public static final String MANIFEST = "manifest.csv";
    public static final String DELETED = ".deleted";
    public static final String QUARANTINE = ".quarantine";

    private static final Logger LOG = LoggerFactory.getLogger(CaptureStore.class);

    private final Path root;
    private final StoreFileSystem files;
    private final Manifest manifest;
    private final Manifest trash;
    private final List<ManifestRow> rows = new ArrayList<>();
    private final Set<String> missing = new HashSet<>();
    private final RecoveryReport recovery;
    private int counter;
    private CaptureStoppedException stopped;

    private CaptureStore(Path root, StoreFileSystem files) throws IOException {
        this.root = root;
        this.files = files;
        this.manifest = new Manifest(root.resolve(MANIFEST), files);
        this.trash = new Manifest(root.resolve(DELETED).resolve(MANIFEST), files);
        this.recovery = recover();
    }

    /** Opens (creating it if needed) the dataset at {@code root} and repairs what a crash left. */
    public static CaptureStore open(Path root) throws IOException {
        return open(root, StoreFileSystem.DISK);
    }

    public static CaptureStore open(Path root, StoreFileSystem files) throws IOException {
        Files.createDirectories(root);
        return new CaptureStore(root.toAbsolutePath().normalize(), Objects.requireNonNull(files, "files"));
    }

    public Path root() {
        return root;
    }

    public RecoveryReport recovery() {
        return recovery;
    }

    /** The images present, in manifest order. */
    public synchronized List<ManifestRow> rows() {
        return rows.stream().filter(row -> !missing.contains(row.file())).toList();
    }

    /** The images deleted so far (restorable), newest last. */
    public synchronized List<ManifestRow> deleted() throws IOException {
        return trash.exists() ? trash.read().rows() : List.of();
    }

    public Path fileOf(ManifestRow row) {
        return root.resolve(row.file());
    }

    /** Why the store stopped, if a write failed. */
    public synchronized Optional<String> stoppedReason() {
        return Optional.ofNullable(stopped).map(Exception::getMessage);
    }

    /**
     * Saves one shot: the image under its class folder, then its manifest row.
     *
     * @throws CaptureStoppedException when this or an earlier write failed; nothing saved before is touched
     */
    public synchronized ManifestRow save(Shot shot) throws CaptureStoppedException {
        if (stopped != null) {
            throw stopped;
        }
        String label = Labels.parse(shot.label()).orElseThrow(
                () -> new IllegalArgumentException("not a class: " + shot.label()));
        String file = freshName(label, shot.session().id(), shot.extension());
        // Held exactly as the manifest will read back (box to one decimal), so rows compare equal after a restart.
        ManifestRow row = ManifestFormat.parse(ManifestFormat.format(new ManifestRow(file, label, shot.session(),
                shot.box(), shot.time(), AppInfo.version(), shot.model(), shot.nearDuplicate())));
        try {
            files.writeNew(root.resolve(file), shot.image());
        } catch (IOException e) {
            throw stop(file, e);
        }
        try {
            manifest.append(row);
        } catch (IOException e) {
            removeUnrecorded(file);
            throw stop(file, e);
        }
        rows.add(row);
        return row;
    }

    /** Moves the image to {@code .deleted/} and its row to the deleted manifest; {@link #restore} undoes it. */
    public synchronized ManifestRow delete(ManifestRow row) throws IOException {
        requirePresent(row);
        String trashed = freeName(DELETED + "/" + row.file());
        files.move(fileOf(row), root.resolve(trashed));
        ManifestRow inTrash = row.relabelled(trashed, row.label());
        try {
            trash.append(inTrash);
            List<ManifestRow> kept = new ArrayList<>(rows);
            kept.remove(row);
            manifest.rewrite(kept);
            rows.remove(row);
        } catch (IOException e) {
            files.move(root.resolve(trashed), fileOf(row));
            throw e;
        }
        return inTrash;
    }

    /** Puts a deleted image back in its class folder (under a new name if one took its place). */
    public synchronized ManifestRow restore(ManifestRow deleted) throws IOException {
        List<ManifestRow> inTrash = new ArrayList<>(trash.read().rows());
        if (!inTrash.removeIf(row -> row.file().equals(deleted.file()))) {
            throw new IllegalArgumentException("not among the deleted images: " + deleted.file());
        }
        String back = freeName(deleted.label() + "/" + Path.of(deleted.file()).getFileName());
        files.move(root.resolve(deleted.file()), root.resolve(back));
        ManifestRow restored = deleted.relabelled(back, deleted.label());
        manifest.append(restored);
        rows.add(restored);
        trash.rewrite(inTrash);
        return restored;
    }

    /** Files the image under {@code newLabel}: moves it to that class folder and rewrites its row. */
    public synchronized ManifestRow relabel(ManifestRow row, String newLabel) throws IOException {
        requirePresent(row);
        String label = Labels.parse(newLabel).orElseThrow(() -> new IllegalArgumentException("not a class: " + newLabel));
        if (label.equals(row.label())) {
            return row;
        }
        String moved = freeName(label + "/" + Path.of(row.file()).getFileName());
        files.move(fileOf(row), root.resolve(moved));
        ManifestRow relabelled = row.relabelled(moved, label);
        List<ManifestRow> updated = new ArrayList<>(rows);
        updated.set(updated.indexOf(row), relabelled);
        try {
            manifest.rewrite(updated);
        } catch (IOException e) {
            files.move(root.resolve(moved), fileOf(row));
            throw e;
        }
        rows.set(rows.indexOf(row), relabelled);
        return relabelled;
    }

    private void requirePresent(ManifestRow row) {
        if (!rows.contains(row) || missing.contains(row.file())) {
            throw new IllegalArgumentException("not an image of this dataset: " + row.file());
        }
    }

    private CaptureStoppedException stop(String file, IOException cause) {
        stopped = CaptureStoppedException.of(file, cause);
        LOG.warn("{}", stopped.getMessage(), cause);
        return stopped;
    }

    /** The image is on disk but its row is not: take it back if the disk lets us, else the next open adopts it. */
    private void removeUnrecorded(String file) {
        try {
            Files.deleteIfExists(root.resolve(file));
        } catch (IOException e) {
            LOG.warn("Could not remove {} after its manifest row failed; it is adopted when the set is opened again",
                    file);
        }
    }

    private String freshName(String label, String session, String extension) {
        String name;
        do {
            name = String.format(java.util.Locale.ROOT, "%s/%s-%04d.%s", label, session, ++counter, extension);
        } while (taken(name));
        return name;
    }

    /** {@code wanted}, or with -2, -3… before the extension when that name is taken. */
    private String freeName(String wanted) {
        int dot = wanted.lastIndexOf('.');
        String stem = dot > wanted.lastIndexOf('/') ? wanted.substring(0, dot) : wanted;
        String extension = dot > wanted.lastIndexOf('/') ? wanted.substring(dot) : "";
        String name = wanted;
        for (int n = 2; taken(name); n++) {
            name = stem + "-" + n + extension;
        }
        return name;
    }

    private boolean taken(String name) {
        return Files.exists(root.resolve(name)) || rows.stream().anyMatch(row -> row.file().equals(name));
    }

    // Recovery

    private RecoveryReport recover() throws IOException {
        List<String> quarantined = new ArrayList<>(quarantineTempFiles());
        Manifest.Read read = manifest.exists() ? manifest.read() : new Manifest.Read(List.of(), List.of());
        if (!manifest.exists()) {
            manifest.create();
        }
        rows.addAll(read.rows());
        if (!read.damaged().isEmpty()) {
            Path aside = quarantineTarget("manifest-damaged-" + Instant.now().toEpochMilli() + ".txt");
            files.writeNew(aside, String.join("\n", read.damaged()).concat("\n").getBytes(StandardCharsets.UTF_8));
            manifest.rewrite(rows);
            quarantined.add(root.relativize(aside) + " (" + read.damaged().size() + " damaged manifest line(s))");
        }
        Set<String> recorded = new HashSet<>();
        List<String> missingFiles = new ArrayList<>();
        for (ManifestRow row : rows) {
            recorded.add(row.file());
            if (!Files.isRegularFile(fileOf(row))) {
                missing.add(row.file());
                missingFiles.add(row.file());
            }
        }
        List<String> adopted = adoptOrphans(recorded);
        RecoveryReport report = new RecoveryReport(adopted, missingFiles, quarantined);
        report.lines().forEach(line -> LOG.warn("{}: {}", root, line));
        return report;
    }

    private List<String> adoptOrphans(Set<String> recorded) throws IOException {
        List<ManifestRow> orphans = new ArrayList<>();
        CaptureSession recovered = new CaptureSession("recovered", "", "", "", "", "",
                "adopted when the set was opened: the image had no manifest row");
        for (LabeledImage image : ClassFolderSet.scan(root).images()) {
            String file = relative(image.file());
            if (!recorded.contains(file)) {
                orphans.add(new ManifestRow(file, image.label(), recovered, null,
                        Files.getLastModifiedTime(image.file()).toInstant(), "", "", false));
            }
        }
        if (!orphans.isEmpty()) {
            manifest.appendAll(orphans);
            rows.addAll(orphans);
        }
        return orphans.stream().map(ManifestRow::file).toList();
    }

    private List<String> quarantineTempFiles() throws IOException {
        List<Path> temps;
        try (Stream<Path> walk = Files.walk(root, 3)) {
            temps = walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().startsWith(StoreFileSystem.TEMP_PREFIX))
                    .filter(path -> !path.startsWith(root.resolve(QUARANTINE)))
                    .toList();
        }
        List<String> moved = new LinkedHashSet<>(temps.stream().map(this::relative).toList()).stream().toList();
        for (Path temp : temps) {
            // An unfinished write: its bytes may be whole (a crash before the rename) or not; keep them aside.
            files.move(temp, quarantineTarget(relative(temp).replace('/', '_')));
        }
        return moved;
    }

    private Path quarantineTarget(String name) {
        return root.resolve(freeName(QUARANTINE + "/" + name));
    }

    private String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
