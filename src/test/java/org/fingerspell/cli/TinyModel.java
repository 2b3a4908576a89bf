package org.fingerspell.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.fingerspell.model.Labels;

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
        JsonObject d = new JsonObject();
        d.addProperty("format_version", 1);
        d.addProperty("name", "tiny");
        d.addProperty("input_name", "input");
        JsonObject outputs = new JsonObject();
        outputs.addProperty("logits", "logits");
        outputs.addProperty("embedding", "embedding");
        d.add("outputs", outputs);
        JsonArray labels = new JsonArray();
        Labels.ALL.forEach(labels::add);
        d.add("labels", labels);
        JsonObject input = new JsonObject();
        input.addProperty("size", 16);
        input.addProperty("color_order", "RGB");
        input.addProperty("scale", 255.0);
        JsonArray mean = new JsonArray();
        JsonArray std = new JsonArray();
        for (int i = 0; i < 3; i++) {
            mean.add(0.5);
            std.add(0.25);
        }
        input.add("mean", mean);
        input.add("std", std);
        d.add("input", input);
        JsonObject crop = new JsonObject();
        crop.addProperty("mode", "whole");
        d.add("crop", crop);
        Files.writeString(dir.resolve("tiny.json"), d.toString());
        return onnx;
    }
}
