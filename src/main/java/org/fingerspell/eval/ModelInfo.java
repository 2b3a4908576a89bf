package org.fingerspell.eval;

import org.fingerspell.model.ModelDescriptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Which model produced an evaluation: enough to tell two reports' models apart. */
public record ModelInfo(String name, String version, String architecture, String file,
                        String descriptorSha256, String dataFingerprint) {

    /** For a loaded model: the descriptor's fields and the SHA-256 of its {@code .json} bytes. */
    public static ModelInfo of(Path modelFile, ModelDescriptor descriptor) {
        return new ModelInfo(descriptor.name(), descriptor.version(), descriptor.architecture(),
                modelFile.toAbsolutePath().normalize().toString(),
                sha256(ModelDescriptor.pathFor(modelFile)), descriptor.dataFingerprint());
    }

    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            return "";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
