package org.fingerspell.spelling;

/** The text spelled so far: typed edits and the user's own Backspace and Clear. Not thread-safe. */
public final class SpelledText {

    private String text = "";

    public String text() {
        return text;
    }

    public String apply(Edit edit) {
        text = edit.applyTo(text);
        return text;
    }

    public String backspace() {
        return apply(Edit.BACKSPACE);
    }

    public String clear() {
        text = "";
        return text;
    }
}
