package org.fingerspell.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The 29 classes in the one fixed order every model and report uses: A–Z, del, nothing, space. */
public final class Labels {

    public static final String DEL = "del";
    public static final String NOTHING = "nothing";
    public static final String SPACE = "space";

    public static final List<String> ALL = List.of(
            "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
            "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
            DEL, NOTHING, SPACE);

    public static final List<String> LETTERS = ALL.subList(0, 26);

    private Labels() {
    }

    public static int count() {
        return ALL.size();
    }

    public static int indexOf(String label) {
        int index = ALL.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("unknown label '" + label + "'; expected one of " + ALL);
        }
        return index;
    }

    /**
     * Matches a folder or user-typed name to its canonical label, ignoring case ("a" → "A", "Del" → "del").
     * Empty when the name is not a class.
     */
    public static Optional<String> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        for (String label : ALL) {
            if (label.equalsIgnoreCase(trimmed)) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }

    public static boolean isLetter(String label) {
        return label.length() == 1 && Character.isUpperCase(label.charAt(0));
    }

    /**
     * Parses a class selection: "all", "letters", or a comma list such as "A,B,del" (case-insensitive).
     *
     * @throws IllegalArgumentException naming the first unknown class
     */
    public static List<String> parseSelection(String selection) {
        String s = selection.trim().toLowerCase(Locale.ROOT);
        if (s.equals("all")) {
            return ALL;
        }
        if (s.equals("letters")) {
            return LETTERS;
        }
        List<String> parsed = java.util.Arrays.stream(selection.split(","))
                .map(String::trim)
                .filter(part -> !part.isEmpty())
                .map(part -> parse(part).orElseThrow(() -> new IllegalArgumentException(
                        "unknown class '" + part + "' in --classes; use all, letters or names from " + ALL)))
                .distinct()
                .sorted(java.util.Comparator.comparingInt(ALL::indexOf))
                .toList();
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("--classes is empty; use all, letters or a comma list");
        }
        return parsed;
    }
}
