package org.fingerspell.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelDescriptorTest {

    @TempDir
    Path dir;

    @Test
    void read_validDescriptor_exposesEveryField() throws Exception {
        ModelDescriptor d = ModelDescriptor.read(DescriptorFixtures.write(dir, "m.json", DescriptorFixtures.valid()));
        assertEquals("test-model", d.name());
        assertEquals(112, d.input().size());
        assertEquals("RGB", d.input().colorOrder());
        assertArrayEquals(new double[] {0.485, 0.456, 0.406}, d.input().mean());
        assertEquals(Labels.ALL, d.labels());
        assertEquals("logits", d.logitsOutput());
        assertFalse(d.crop().isHandCrop());
    }

    @Test
    void pathFor_replacesOnnxExtension() {
        assertEquals(Path.of("models/fingerspell.json"), ModelDescriptor.pathFor(Path.of("models/fingerspell.onnx")));
    }

    @Test
    void read_missingFile_saysDescriptorNotFound() {
        ModelException e = assertThrows(ModelException.class, () -> ModelDescriptor.forModel(dir.resolve("x.onnx")));
        assertTrue(e.getMessage().contains("x.json"));
        assertTrue(e.getMessage().contains("not found"));
    }

    @Test
    void read_notJson_saysNotValidJson() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{ this is not json");
        ModelException e = assertThrows(ModelException.class, () -> ModelDescriptor.read(file));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void read_labelsInAnotherOrder_areRejected() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        JsonArray labels = json.getAsJsonArray("labels");
        labels.set(0, new com.google.gson.JsonPrimitive("B"));
        labels.set(1, new com.google.gson.JsonPrimitive("A"));
        assertProblem(json, "do not match");
    }

    @Test
    void read_tooFewLabels_areRejected() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.getAsJsonArray("labels").remove(28);
        assertProblem(json, "do not match");
    }

    @Test
    void read_wrongMeanLength_isRejected() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.getAsJsonObject("input").add("mean", DescriptorFixtures.array(0.5, 0.5));
        assertProblem(json, "input.mean");
    }

    @Test
    void read_zeroStd_isRejected() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.getAsJsonObject("input").add("std", DescriptorFixtures.array(0.2, 0.0, 0.2));
        assertProblem(json, "input.std");
    }

    @Test
    void read_unknownColourOrder_isRejected() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.getAsJsonObject("input").addProperty("color_order", "YUV");
        assertProblem(json, "color_order");
    }

    @Test
    void read_unknownCropMode_isRejected() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.getAsJsonObject("crop").addProperty("mode", "face");
        assertProblem(json, "crop.mode");
    }

    @Test
    void read_futureFormatVersion_isRejected() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.addProperty("format_version", 2);
        assertProblem(json, "format_version");
    }

    @Test
    void read_missingInput_isRejected() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.remove("input");
        assertProblem(json, "input is missing");
    }

    @Test
    void read_handPolicy_reportsNothingWithoutHand() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.getAsJsonObject("crop").addProperty("mode", "hand");
        json.getAsJsonObject("crop").addProperty("no_hand", "nothing");
        ModelDescriptor d = ModelDescriptor.read(DescriptorFixtures.write(dir, "m.json", json));
        assertTrue(d.crop().isHandCrop());
        assertTrue(d.crop().reportsNothingWithoutHand(false));
        assertTrue(d.crop().reportsNothingWithoutHand(true), "without no_hand_stills, images follow no_hand");
    }

    @Test
    void read_noHandStills_appliesToImagesOnly() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.getAsJsonObject("crop").addProperty("mode", "hand");
        json.getAsJsonObject("crop").addProperty("no_hand", "nothing");
        json.getAsJsonObject("crop").addProperty("no_hand_stills", "classify");
        ModelDescriptor d = ModelDescriptor.read(DescriptorFixtures.write(dir, "m.json", json));
        assertTrue(d.crop().reportsNothingWithoutHand(false));
        assertFalse(d.crop().reportsNothingWithoutHand(true));
        assertEquals("classify", d.crop().noHandStills());
    }

    @Test
    void read_unknownNoHandStills_isRejected() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.getAsJsonObject("crop").addProperty("no_hand_stills", "guess");
        assertProblem(json, "crop.no_hand_stills must be classify or nothing, not guess");
    }

    @Test
    void read_exposure_defaultsToNoneAndReadsTheLift() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        assertEquals("none", ModelDescriptor.read(DescriptorFixtures.write(dir, "a.json", json)).input().exposure());
        json.getAsJsonObject("input").addProperty("exposure", "backlight_lift");
        assertEquals("backlight_lift",
                ModelDescriptor.read(DescriptorFixtures.write(dir, "b.json", json)).input().exposure());
    }

    @Test
    void read_unknownExposure_isRejected() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.getAsJsonObject("input").addProperty("exposure", "hdr");
        assertProblem(json, "input.exposure must be none or backlight_lift, not hdr");
    }

    @Test
    void read_landmarksSection_exposesItsFilesBesideTheModelAndItsWeight() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.add("landmarks", DescriptorFixtures.landmarks("hand_landmark_full.onnx", "fingerspell-landmarks.onnx",
                0.6));
        ModelDescriptor.Landmarks l = ModelDescriptor.read(DescriptorFixtures.write(dir, "m.json", json)).landmarks();
        assertEquals(0.6, l.weight(), 1e-12);
        assertEquals("landmarks", l.inputName());
        assertEquals("logits", l.logitsOutput());
        Path model = Path.of("models", "fingerspell.onnx");
        assertEquals(Path.of("models", "hand_landmark_full.onnx"), l.detectorFile(model));
        assertEquals(Path.of("models", "fingerspell-landmarks.onnx"), l.classifierFile(model));
        assertEquals(0, l.minPresence(), "older descriptors check no palm");
    }

    /** A valid descriptor whose landmarks section asks palms for {@code minPresence}. */
    private static JsonObject withMinPresence(double minPresence) {
        JsonObject json = DescriptorFixtures.valid();
        JsonObject landmarks = DescriptorFixtures.landmarks("a.onnx", "b.onnx", 0.5);
        landmarks.addProperty("min_presence", minPresence);
        json.add("landmarks", landmarks);
        return json;
    }

    @Test
    void read_landmarkMinPresence_isReadAndKeptWhenWritten() throws Exception {
        JsonObject json = withMinPresence(0.5);
        ModelDescriptor d = ModelDescriptor.read(DescriptorFixtures.write(dir, "m.json", json));
        assertEquals(0.5, d.landmarks().minPresence(), 1e-12);
        assertTrue(d.toJson().contains("\"min_presence\": 0.5"), d.toJson());
    }

    @Test
    void read_landmarkMinPresenceAboveOne_isRejected() throws Exception {
        assertProblem(withMinPresence(2), "landmarks.min_presence must be within 0..1, not 2.0");
    }

    @Test
    void read_withoutLandmarksSection_hasNoLandmarksAndWritesNone() throws Exception {
        ModelDescriptor d = ModelDescriptor.read(DescriptorFixtures.write(dir, "m.json", DescriptorFixtures.valid()));
        assertNull(d.landmarks());
        assertFalse(d.toJson().contains("landmarks"), d.toJson());
    }

    @Test
    void read_landmarkWeightAboveOne_isRejected() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.add("landmarks", DescriptorFixtures.landmarks("a.onnx", "b.onnx", 1.5));
        assertProblem(json, "landmarks.weight must be within 0..1, not 1.5");
    }

    @Test
    void read_landmarkWeightMissing_isRejected() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        JsonObject landmarks = DescriptorFixtures.landmarks("a.onnx", "b.onnx", 0.5);
        landmarks.remove("weight");
        json.add("landmarks", landmarks);
        assertProblem(json, "landmarks.weight must be within 0..1, not null");
    }

    @Test
    void read_landmarkClassifierBlank_isRejected() throws Exception {
        JsonObject json = DescriptorFixtures.valid();
        json.add("landmarks", DescriptorFixtures.landmarks("a.onnx", " ", 0.5));
        assertProblem(json, "landmarks.classifier is missing");
    }

    private void assertProblem(JsonObject json, String expected) throws Exception {
        Path file = DescriptorFixtures.write(dir, "m.json", json);
        ModelException e = assertThrows(ModelException.class, () -> ModelDescriptor.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
    }
}
