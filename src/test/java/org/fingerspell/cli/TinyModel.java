package org.fingerspell.cli;

import com.google.gson.JsonObject;
import org.fingerspell.model.DescriptorFixtures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Installs the kilobyte test model (whole-frame policy, 16 px) with its descriptor into a folder. */
public final class TinyModel {

    private TinyModel() {
    }

    public static Path install(Path dir) throws IOException {
        Path onnx = dir.resolve("tiny.onnx");
        try (InputStream in = TinyModel.class.getResourceAsStream("/models/tiny.onnx")) {
            Files.copy(in, onnx);
        }
        Files.writeString(dir.resolve("tiny.json"), descriptor().toString());
        return onnx;
    }

    /** The tiny model's descriptor (write it as {@code tiny.json} beside the model after changing it). */
    public static JsonObject descriptor() {
        JsonObject d = DescriptorFixtures.valid();
        d.addProperty("name", "tiny");
        JsonObject input = d.getAsJsonObject("input");
        input.addProperty("size", 16);
        input.add("mean", DescriptorFixtures.array(0.5, 0.5, 0.5));
        input.add("std", DescriptorFixtures.array(0.25, 0.25, 0.25));
        return d;
    }
}
