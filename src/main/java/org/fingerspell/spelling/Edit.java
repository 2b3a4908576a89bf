package org.fingerspell.spelling;

import org.fingerspell.model.Labels;

/** One change to the spelled text: a letter, a space, or a backspace. */
public record Edit(Kind kind, String letter) {

    public enum Kind { LETTER, SPACE, BACKSPACE }

    public static Edit letter(String letter) {
        return new Edit(Kind.LETTER, letter);
    }

    public static final Edit SPACE = new Edit(Kind.SPACE, " ");
    public static final Edit BACKSPACE = new Edit(Kind.BACKSPACE, "");

    /** The edit a typed class makes: A–Z a letter, {@code space} a space, {@code del} a backspace. */
    public static Edit forLabel(String label) {
        if (Labels.SPACE.equals(label)) {
            return SPACE;
        }
        if (Labels.DEL.equals(label)) {
            return BACKSPACE;
        }
        if (!Labels.isLetter(label)) {
            throw new IllegalArgumentException("'" + label + "' types nothing");
        }
        return letter(label);
    }

    /** The text after this edit. */
    public String applyTo(String text) {
        return switch (kind) {
            case LETTER, SPACE -> text + letter;
            case BACKSPACE -> text.isEmpty() ? text : text.substring(0, text.offsetByCodePoints(text.length(), -1));
        };
    }
}
