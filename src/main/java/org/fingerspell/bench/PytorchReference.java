package org.fingerspell.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The study's stack as a yardstick: {@code training/bench_pytorch.py} times the same ResNet-18 in PyTorch eager
 * mode on the CPU, on the very tensors the benchmark's classifier ran, at the same input size and thread count.
 * Either a result or the reason there is none.
 *
 * @param result the script's JSON, or null
 * @param reason why there is no result, or null
 */
public record PytorchReference(JsonObject result, String reason) {

    private static final Logger LOG = LoggerFactory.getLogger(PytorchReference.class);

    /** What to run: the interpreter, the script, an optional checkpoint, and how long to wait. */
    public record Setup(Path python, Path script, Path checkpoint, long timeoutSeconds) {
    }

    public static PytorchReference skipped(String reason) {
        return new PytorchReference(null, reason);
    }

    /** The reference's median per-frame milliseconds. */
    public double medianMillis() {
        return result.getAsJsonObject("latency_ms").get("median").getAsDouble();
    }

    public static PytorchReference run(Setup setup, List<float[]> tensors, int size, int threads, int warmup) {
        if (tensors.isEmpty()) {
            return skipped("no frame reached the classifier, so there is nothing to compare");
        }
        if (!Files.isExecutable(setup.python())) {
            return skipped(setup.python() + " not found");
        }
        if (!Files.isRegularFile(setup.script())) {
            return skipped(setup.script() + " not found (run from the project folder or pass --pytorch-script)");
        }
        Path file = null;
        try {
            file = Files.createTempFile("fingerspell-tensors", ".f32");
            write(tensors, file);
            List<String> command = new ArrayList<>(List.of(setup.python().toString(), setup.script().toString(),
                    "--tensors", file.toString(), "--size", Integer.toString(size),
                    "--threads", Integer.toString(threads), "--warmup", Integer.toString(warmup)));
            if (setup.checkpoint() != null) {
                command.add("--checkpoint");
                command.add(setup.checkpoint().toString());
            }
            return launch(command, setup.timeoutSeconds());
        } catch (IOException e) {
            return skipped("cannot run the PyTorch reference: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return skipped("interrupted");
        } finally {
            deleteQuietly(file);
        }
    }

    private static PytorchReference launch(List<String> command, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path errors = Files.createTempFile("fingerspell-pytorch", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            byte[] out;
            try (var stdout = process.getInputStream()) {
                out = stdout.readAllBytes();
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return skipped("the PyTorch reference took longer than " + timeoutSeconds + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                String err = Files.readString(errors).trim();
                LOG.warn("PyTorch reference failed: {}", err);
                return skipped("the PyTorch reference failed (exit " + process.exitValue() + "): " + lastLine(err));
            }
            String json = text.substring(Math.max(0, text.lastIndexOf("\n{") + 1));
            return new PytorchReference(JsonParser.parseString(json).getAsJsonObject(), null);
        } catch (RuntimeException e) {
            return skipped("the PyTorch reference printed no JSON: " + e.getMessage());
        } finally {
            deleteQuietly(errors);
        }
    }

    /** Float32, little-endian, the tensors one after another: what numpy.fromfile reads. */
    static void write(List<float[]> tensors, Path file) throws IOException {
        try (OutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            for (float[] tensor : tensors) {
                ByteBuffer bytes = ByteBuffer.allocate(tensor.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(tensor);
                out.write(bytes.array());
            }
        }
    }

    private static String lastLine(String text) {
        String trimmed = text.trim();
        int newline = trimmed.lastIndexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(newline + 1);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temp file left behind is harmless
            }
        }
    }
}
