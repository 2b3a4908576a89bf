package org.fingerspell.cli;

import com.google.gson.GsonBuilder;
import org.fingerspell.AppInfo;
import org.fingerspell.dataset.ClassFolderSet;
import org.fingerspell.dataset.LabeledImage;
import org.fingerspell.hand.ContactSheet;
import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.hand.Croppers;
import org.fingerspell.hand.DetectorLocator;
import org.fingerspell.hand.HandCropper;
import org.fingerspell.hand.HandGeometry;
import org.fingerspell.hand.HandLandmarker;
import org.fingerspell.hand.HandLandmarks;
import org.fingerspell.hand.RegionCutter;
import org.fingerspell.image.ImageLoadException;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.image.OpenCv;
import org.fingerspell.model.Labels;
import org.fingerspell.model.ModelDescriptor;
import org.fingerspell.model.ModelException;
import org.fingerspell.model.ModelLocator;
import org.fingerspell.model.SessionSettings;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code fingerspell crop IN_DIR OUT_DIR}: cuts the hand out of every image of a folder-per-class set with the
 * same cropper the live view uses, for training and for looking at. Writes the crops, {@code crops.csv},
 * {@code crops.json} and {@code contact_sheet.png}; prints the detection rate per class and for the set.
 */
@Command(name = "crop", mixinStandardHelpOptions = true,
        description = {"Crop the hand out of every image of a folder-per-class set (IN_DIR/<class>/...).",
                "Writes OUT_DIR/<class>/<name>.png, crops.csv, crops.json and contact_sheet.png.",
                "Images where no hand is found get the centred square, marked no_hand in crops.csv.",
                "Bad images are reported and skipped (exit code 2 at the end)."})
public final class CropCommand implements java.util.concurrent.Callable<Integer> {

    private static final int SHEET_PER_CLASS = 6;
    private static final int SHEET_CELL = 96;

    @Parameters(index = "0", paramLabel = "IN_DIR", description = "Folder with one sub-folder of images per class.")
    private Path inDir;

    @Parameters(index = "1", paramLabel = "OUT_DIR", description = "Where the crops go (created).")
    private Path outDir;

    @Option(names = "--margin", paramLabel = "M",
            description = "Border around the hand square, fraction of its side on each edge "
                    + "(default: the model's, or 0.10 without a model).")
    private Double margin;

    @Option(names = "--rotate-upright", negatable = true,
            description = "Turn each hand upright (default: the model's, or not without a model).")
    private Boolean rotateUpright;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "160",
            description = "Side of the written crops in pixels (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--context", paramLabel = "F", defaultValue = "1.0",
            description = "Write F times the policy crop (e.g. 1.25 leaves room for jitter; "
                    + "default: ${DEFAULT-VALUE}).")
    private double context;

    @Option(names = "--min-landmark-presence", paramLabel = "P",
            description = "Take a palm detection for a hand only where the hand landmark model finds one with at "
                    + "least this presence, 0 = every detection (default: the model's landmarks.min_presence).")
    private Double minLandmarkPresence;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Model whose descriptor gives the crop policy (default: the committed model).")
    private Path model;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads, one detector each (0 = up to 2 by cores).")
    private int threads;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /**
     * @param landmarkModel the hand landmark model the descriptor names, or null when it names none
     * @param minPresence   the landmark presence a palm needs to count as a hand (0: every palm counts)
     */
    private record Policy(double margin, boolean rotateUpright, String from, Path landmarkModel, double minPresence) {
    }

    /** Palm detections the landmark check did not take for a hand, over all workers. */
    private long rejectedPalms;

    /** @param landmarks the hand's landmarks, or null (no hand, or no landmark model) */
    private record Outcome(LabeledImage image, String outFile, HandCropper.Location location, HandLandmarks landmarks,
                           String error) {
        static Outcome failed(LabeledImage image, String outFile, String error) {
            return new Outcome(image, outFile, null, null, error);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (size < 16 || size > 2048) {
            throw new ParameterException(spec.commandLine(), "--size " + size + " is outside 16..2048");
        }
        if (!(context >= 0.5 && context <= 4)) {
            throw new ParameterException(spec.commandLine(), "--context " + context + " is outside 0.5..4");
        }
        if (margin != null && !(margin >= 0 && margin <= 2)) {
            throw new ParameterException(spec.commandLine(), "--margin " + margin + " is outside 0..2");
        }
        if (minLandmarkPresence != null && !(minLandmarkPresence >= 0 && minLandmarkPresence <= 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--min-landmark-presence " + minLandmarkPresence + " is outside 0..1");
        }
        if (threads < 0 || threads > 64) {
            throw new ParameterException(spec.commandLine(), "--threads " + threads + " is outside 0..64");
        }
        Policy policy = policy(err);
        if (policy.minPresence() > 0 && policy.landmarkModel() == null) {
            err.println("fingerspell: --min-landmark-presence needs a model whose descriptor names a hand landmark "
                    + "model (--model)");
            return ExitCodes.USAGE;
        }
        ClassFolderSet set = ClassFolderSet.scan(inDir);
        if (set.images().isEmpty()) {
            err.println("fingerspell: no images in class folders under " + inDir);
            return ExitCodes.INPUT_ERROR;
        }
        if (!set.ignoredFolders().isEmpty()) {
            err.println("fingerspell: ignoring folders that are not classes: " + set.ignoredFolders());
        }
        OpenCv.load();
        Files.createDirectories(outDir);
        for (String label : set.presentClasses()) {
            Files.createDirectories(outDir.resolve(label));
        }
        Optional<Path> detectorFile = DetectorLocator.find();
        int workers = threads > 0 ? threads : Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        err.printf(Locale.ROOT, "fingerspell: cropping %d images from %s (margin %.2f, %s, context %.2f, %d px, "
                        + "policy from %s, %s%s, %d threads)%n", set.images().size(), inDir, policy.margin(),
                policy.rotateUpright() ? "rotated upright" : "not rotated", context, size, policy.from(),
                policy.landmarkModel() == null ? "no landmarks" : "landmarks " + policy.landmarkModel(),
                policy.minPresence() > 0 ? String.format(Locale.ROOT, ", palms need presence %.2f",
                        policy.minPresence()) : "", workers);
        err.flush();

        if (workers > 1) {
            // Each worker runs its own detector; OpenCV's own thread pool would only make them wait on each other.
            org.opencv.core.Core.setNumThreads(1);
        }
        List<LabeledImage> images = set.images();
        Map<String, Integer> sheetQuota = sheetPicks(images);
        List<Outcome> outcomes;
        // One landmark session serves every worker (ONNX Runtime sessions are thread-safe); with several workers
        // each run keeps to one core, as the detectors do.
        try (HandLandmarker landmarker = policy.landmarkModel() == null ? null
                : HandLandmarker.open(policy.landmarkModel(), SessionSettings.defaults(workers > 1 ? 1 : 0));
             ContactSheet sheet = new ContactSheet(SHEET_CELL, SHEET_PER_CLASS * 2)) {
            outcomes = cropAll(images, policy, landmarker, workers, sheetQuota, sheet, err);
            writeSheet(sheet);
        }
        writeCsv(outcomes);
        writeJson(policy, detectorFile, outcomes);
        int failures = report(outcomes, out, err, detectorFile.isPresent());
        if (policy.minPresence() > 0) {
            out.printf(Locale.ROOT, "palm detections the landmark model did not take for a hand: %d%n", rejectedPalms);
            out.flush();
        }
        if (failures > 0) {
            err.printf("fingerspell: %d of %d images could not be cropped%n", failures, images.size());
            return ExitCodes.INPUT_ERROR;
        }
        return ExitCodes.OK;
    }

    /**
     * The crop policy from the flags, then the model's descriptor, then the defaults; the landmark model from the
     * descriptor, read even when the flags give the whole policy.
     */
    private Policy policy(PrintWriter err) throws ModelException {
        Path modelFile = model != null ? model : ModelLocator.defaultModel();
        ModelDescriptor descriptor = null;
        if (model != null || Files.isRegularFile(ModelDescriptor.pathFor(modelFile))) {
            descriptor = ModelDescriptor.forModel(modelFile);
        }
        ModelDescriptor.Landmarks landmarks = descriptor == null ? null : descriptor.landmarks();
        Path landmarkModel = landmarks == null ? null : landmarks.detectorFile(modelFile);
        double minPresence = minLandmarkPresence != null ? minLandmarkPresence
                : landmarks == null ? 0 : landmarks.minPresence();
        if (margin != null && rotateUpright != null) {
            return new Policy(margin, rotateUpright, "flags", landmarkModel, minPresence);
        }
        if (descriptor == null) {
            err.println("fingerspell: no model descriptor found; the default crop policy fills what flags leave open");
            return new Policy(margin != null ? margin : HandCropper.DEFAULT_MARGIN,
                    rotateUpright != null ? rotateUpright : HandCropper.DEFAULT_ROTATE_UPRIGHT, "defaults", null,
                    minPresence);
        }
        ModelDescriptor.CropPolicy fromModel = descriptor.crop();
        return new Policy(margin != null ? margin : fromModel.margin(),
                rotateUpright != null ? rotateUpright : fromModel.rotateUpright(),
                ModelDescriptor.pathFor(modelFile).toString(), landmarkModel, minPresence);
    }

    /** Which images go on the contact sheet: evenly spread picks, {@value #SHEET_PER_CLASS} per class. */
    private static Map<String, Integer> sheetPicks(List<LabeledImage> images) {
        Map<String, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < images.size(); i++) {
            byClass.computeIfAbsent(images.get(i).label(), k -> new ArrayList<>()).add(i);
        }
        Map<String, Integer> picks = new LinkedHashMap<>();
        for (String label : Labels.ALL) {
            List<Integer> indices = byClass.get(label);
            if (indices == null) {
                continue;
            }
            int n = Math.min(SHEET_PER_CLASS, indices.size());
            for (int k = 0; k < n; k++) {
                int index = indices.get((int) ((k + 0.5) * indices.size() / n));
                picks.put(images.get(index).file().toString(), picks.size());
            }
        }
        return picks;
    }

    private List<Outcome> cropAll(List<LabeledImage> images, Policy policy, HandLandmarker landmarker, int workers,
                                  Map<String, Integer> sheetPicks, ContactSheet sheet, PrintWriter err)
            throws InterruptedException, ExecutionException {
        List<HandCropper> croppers = new ArrayList<>();
        ThreadLocal<HandCropper> cropper = ThreadLocal.withInitial(() -> {
            HandCropper c = Croppers.handCropper(policy.margin(), policy.rotateUpright(), HandCropper.Tracking.OFF);
            if (landmarker != null && policy.minPresence() > 0 && c.hasDetector()) {
                c.verifyWith(landmarker::locate, policy.minPresence());
            }
            synchronized (croppers) {
                croppers.add(c);
            }
            return c;
        });
        ThreadLocal<ImageLoader> loader = ThreadLocal.withInitial(ImageLoader::new);
        Mat[] sheetCrops = new Mat[sheetPicks.size()];
        boolean[] sheetFallback = new boolean[sheetPicks.size()];
        String[] sheetLabels = new String[sheetPicks.size()];
        AtomicInteger done = new AtomicInteger();
        long[] lastReport = {System.nanoTime()};
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "crop-worker");
            thread.setDaemon(true);
            return thread;
        });
        List<Outcome> outcomes = new ArrayList<>(images.size());
        try {
            List<Future<Outcome>> futures = new ArrayList<>(images.size());
            for (LabeledImage image : images) {
                futures.add(pool.submit(() -> {
                    Integer pick = sheetPicks.get(image.file().toString());
                    Outcome outcome = cropOne(image, cropper.get(), landmarker, loader.get(),
                            pick == null ? null : sheetCrops, pick == null ? -1 : pick);
                    if (pick != null) {
                        sheetLabels[pick] = image.label();
                        sheetFallback[pick] = outcome.location() != null
                                && outcome.location().source() != Crop.Source.DETECTED;
                    }
                    int n = done.incrementAndGet();
                    progress(err, n, images.size(), lastReport);
                    return outcome;
                }));
            }
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
        } finally {
            pool.shutdownNow();
            synchronized (croppers) {
                rejectedPalms = croppers.stream().mapToLong(HandCropper::rejectedPalms).sum();
                croppers.forEach(HandCropper::close);
            }
        }
        err.printf("\rfingerspell: cropped %d/%d%n", images.size(), images.size());
        err.flush();
        for (int i = 0; i < sheetCrops.length; i++) {
            if (sheetCrops[i] != null) {
                sheet.add(sheetCrops[i], sheetLabels[i], sheetFallback[i]);
                sheetCrops[i].release();
            }
        }
        return outcomes;
    }

    private static synchronized void progress(PrintWriter err, int n, int total, long[] lastReport) {
        long now = System.nanoTime();
        if (now - lastReport[0] > 1_000_000_000L) {
            lastReport[0] = now;
            err.printf("\rfingerspell: cropped %d/%d", n, total);
            err.flush();
        }
    }

    /** Cuts and writes one crop, and runs the landmark model on the very hand square the crop is cut around. */
    private Outcome cropOne(LabeledImage image, HandCropper cropper, HandLandmarker landmarker, ImageLoader loader,
                            Mat[] sheetCrops, int sheetIndex) {
        String name = image.file().getFileName().toString();
        int dot = name.lastIndexOf('.');
        String outFile = image.label() + "/" + (dot > 0 ? name.substring(0, dot) : name) + ".png";
        try (ImageLoader.LoadedImage loaded = loader.load(image.file())) {
            HandCropper.Location location = cropper.locate(loaded.bgr());
            HandLandmarks landmarks = location.landmarks() != null ? location.landmarks()
                    : landmarker == null || location.hand() == null ? null
                    : landmarker.locate(loaded.bgr(), location.hand());
            CropRegion withContext = HandGeometry.scaled(location.region(), context);
            Mat crop = RegionCutter.cut(loaded.bgr(), withContext, size);
            MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 3);
            try {
                Path target = outDir.resolve(outFile);
                if (!Imgcodecs.imwrite(target.toString(), crop, params)) {
                    return Outcome.failed(image, outFile, "cannot write " + target);
                }
                if (sheetCrops != null) {
                    sheetCrops[sheetIndex] = crop.clone();
                }
            } finally {
                OpenCv.release(crop, params);
            }
            return new Outcome(image, outFile, location, landmarks, null);
        } catch (ImageLoadException | ModelException e) {
            return Outcome.failed(image, outFile, e.getMessage());
        } catch (RuntimeException e) {
            return Outcome.failed(image, outFile, image.file() + ": " + e);
        }
    }

    private void writeSheet(ContactSheet sheet) {
        Mat rendered = sheet.render();
        try {
            Imgcodecs.imwrite(outDir.resolve("contact_sheet.png").toString(), rendered);
        } finally {
            rendered.release();
        }
    }

    private void writeCsv(List<Outcome> outcomes) throws IOException {
        try (Writer csv = Files.newBufferedWriter(outDir.resolve("crops.csv"), StandardCharsets.UTF_8)) {
            // hand_rotation_degrees: the turn that would stand the hand upright (wrist below the middle finger),
            // whatever the policy; empty without a hand. Training uses it to find the wrist inside the crop.
            // landmark_presence and landmarks: the hand landmark model on the hand square (frame pixels, x y z per
            // point); empty without a hand or a landmark model. Training reads them here so that train-time and
            // run-time landmarks come from the same code.
            csv.write("file,label,source_file,detected,source,score,center_x,center_y,side,rotation_degrees,"
                    + "hand_rotation_degrees,landmark_presence,landmarks\n");
            for (Outcome o : outcomes) {
                if (o.location() == null) {
                    continue;
                }
                HandCropper.Location l = o.location();
                CropRegion r = l.region();
                String handRotation = l.hand() == null ? ""
                        : String.format(Locale.ROOT, "%.2f", l.hand().rotationDegrees());
                String presence = o.landmarks() == null ? ""
                        : String.format(Locale.ROOT, "%.4f", o.landmarks().presence());
                csv.write(String.format(Locale.ROOT, "%s,%s,%s,%b,%s,%.4f,%.2f,%.2f,%.2f,%.2f,%s,%s,%s%n",
                        csvField(o.outFile()), o.image().label(),
                        csvField(inDir.relativize(o.image().file()).toString().replace('\\', '/')),
                        l.source() == Crop.Source.DETECTED, sourceName(l.source()), l.score(), r.centerX(),
                        r.centerY(), r.side(), r.rotationDegrees(), handRotation, presence, points(o.landmarks())));
            }
        }
    }

    /** The 63 coordinates separated by single spaces, 3 decimals; "" for none. */
    private static String points(HandLandmarks landmarks) {
        if (landmarks == null) {
            return "";
        }
        StringJoiner joined = new StringJoiner(" ");
        for (float value : landmarks.points()) {
            joined.add(String.format(Locale.ROOT, "%.3f", value));
        }
        return joined.toString();
    }

    private static String sourceName(Crop.Source source) {
        return switch (source) {
            case DETECTED, TRACKED -> "detected";
            case FALLBACK -> "fallback";
            default -> "no_hand";
        };
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private void writeJson(Policy policy, Optional<Path> detectorFile, List<Outcome> outcomes) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("margin", policy.margin());
        json.put("rotate_upright", policy.rotateUpright());
        json.put("context", context);
        json.put("size", size);
        json.put("detector_sha256", detectorFile.map(CropCommand::sha256).orElse(null));
        json.put("landmark_model_sha256", policy.landmarkModel() == null ? null : sha256(policy.landmarkModel()));
        json.put("min_landmark_presence", policy.minPresence());
        json.put("app_version", AppInfo.version());
        json.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("policy_from", policy.from());
        json.put("detector_passes", HandCropper.STILL_ATTEMPTS.stream().map(Object::toString).toList());
        json.put("source_dir", inDir.toAbsolutePath().normalize().toString());
        long cropped = outcomes.stream().filter(o -> o.location() != null).count();
        long detected = outcomes.stream().filter(o -> o.location() != null
                && o.location().source() == Crop.Source.DETECTED).count();
        json.put("images", cropped);
        json.put("detected", detected);
        json.put("palms_rejected_by_landmarks", rejectedPalms);
        json.put("failed", outcomes.size() - cropped);
        Files.writeString(outDir.resolve("crops.json"),
                new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(json)
                        + "\n");
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            DigestInputStream digest = (DigestInputStream) in;
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** Prints the detection rates; returns how many images failed. */
    private static int report(List<Outcome> outcomes, PrintWriter out, PrintWriter err, boolean hasDetector) {
        Map<String, int[]> perClass = new LinkedHashMap<>();
        int failures = 0;
        for (Outcome o : outcomes) {
            if (o.location() == null) {
                failures++;
                err.println("fingerspell: skipped " + o.error());
                continue;
            }
            int[] counts = perClass.computeIfAbsent(o.image().label(), k -> new int[2]);
            counts[0]++;
            if (o.location().source() == Crop.Source.DETECTED) {
                counts[1]++;
            }
        }
        err.flush();
        if (!hasDetector) {
            out.println("No palm detector: every crop is the centred guide box (source fallback).");
        }
        int[] hands = new int[2];
        int[] nothing = new int[2];
        out.println("class      images  hand found");
        for (Map.Entry<String, int[]> e : perClass.entrySet()) {
            int[] c = e.getValue();
            out.printf(Locale.ROOT, "%-8s %8d  %6.1f%%%n", e.getKey(), c[0], 100.0 * c[1] / c[0]);
            int[] total = Labels.NOTHING.equals(e.getKey()) ? nothing : hands;
            total[0] += c[0];
            total[1] += c[1];
        }
        if (hands[0] > 0) {
            out.printf(Locale.ROOT, "detection rate (hand classes): %.1f%% (%d/%d)%n", 100.0 * hands[1] / hands[0],
                    hands[1], hands[0]);
        }
        if (nothing[0] > 0) {
            out.printf(Locale.ROOT, "false detections (nothing):    %.1f%% (%d/%d)%n",
                    100.0 * nothing[1] / nothing[0], nothing[1], nothing[0]);
        }
        out.flush();
        return failures;
    }
}
