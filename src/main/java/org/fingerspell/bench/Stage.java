package org.fingerspell.bench;

/** The steps one frame goes through, in order, as the benchmark reports them. */
public enum Stage {
    DECODE("decode"),
    DETECTION("hand detection"),
    TRACKING("tracking"),
    CROP_PREPROCESS("crop + preprocess"),
    CLASSIFIER("classifier"),
    /** The hand landmark model, the landmark classifier and the fusion, when the model has them. */
    LANDMARKS("hand landmarks"),
    POSTPROCESS("post-processing");

    private final String title;

    Stage(String title) {
        this.title = title;
    }

    /** For tables: "hand detection". */
    public String title() {
        return title;
    }

    /** For JSON keys: "hand_detection". */
    public String key() {
        return title.replace(" + ", "_").replace('-', '_').replace(' ', '_');
    }
}
