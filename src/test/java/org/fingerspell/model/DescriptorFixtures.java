package org.fingerspell.model;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds descriptor JSON for tests: a valid one, then each test breaks one field. */
public final class DescriptorFixtures {

    private DescriptorFixtures() {
    }

    public static JsonObject valid() {
        JsonObject root = new JsonObject();
        root.addProperty("format_version", 1);
        root.addProperty("name", "test-model");
        root.addProperty("version", "0.0.1");
        root.addProperty("input_name", "input");
        JsonObject outputs = new JsonObject();
        outputs.addProperty("logits", "logits");
        outputs.addProperty("embedding", "embedding");
        root.add("outputs", outputs);
        JsonArray labels = new JsonArray();
        Labels.ALL.forEach(labels::add);
        root.add("labels", labels);
        JsonObject input = new JsonObject();
        input.addProperty("size", 112);
        input.addProperty("color_order", "RGB");
        input.addProperty("scale", 255.0);
        input.add("mean", array(0.485, 0.456, 0.406));
        input.add("std", array(0.229, 0.224, 0.225));
        input.addProperty("resize", "area");
        root.add("input", input);
        JsonObject crop = new JsonObject();
        crop.addProperty("mode", "whole");
        crop.addProperty("margin", 0.0);
        crop.addProperty("rotate_upright", false);
        crop.addProperty("no_hand", "classify");
        root.add("crop", crop);
        return root;
    }

    /** A landmarks section naming these files, input "landmarks", output "logits". */
    public static JsonObject landmarks(String detector, String classifier, double weight) {
        JsonObject landmarks = new JsonObject();
        landmarks.addProperty("detector", detector);
        landmarks.addProperty("classifier", classifier);
        landmarks.addProperty("input_name", "landmarks");
        landmarks.addProperty("logits_output", "logits");
        landmarks.addProperty("weight", weight);
        return landmarks;
    }

    public static JsonArray array(double... values) {
        JsonArray array = new JsonArray();
        for (double value : values) {
            array.add(value);
        }
        return array;
    }

    /** The input block of a valid descriptor with this input size and exposure step, read back from {@code dir}. */
    public static ModelDescriptor.Input input(Path dir, int size, String exposure) throws Exception {
        JsonObject json = valid();
        json.getAsJsonObject("input").addProperty("size", size);
        json.getAsJsonObject("input").addProperty("exposure", exposure);
        return ModelDescriptor.read(write(dir, "input-" + size + "-" + exposure + ".json", json)).input();
    }

    public static Path write(Path dir, String name, JsonObject json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, new Gson().toJson(json));
        return file;
    }
}
