package org.fingerspell.dataset;

import java.util.List;
import java.util.Locale;

/**
 * The conditions a test set should cover, and the words offered for each. A person may type other words; they
 * count as further values of the same condition.
 */
public final class Conditions {

    public static final List<String> LIGHTING = List.of("daylight", "indoor", "dim", "backlit");
    public static final List<String> BACKGROUND = List.of("plain", "cluttered", "outdoor", "skin-coloured");
    public static final List<String> HANDEDNESS = List.of("right", "left");

    /** A condition a session records and coverage counts by. */
    public enum Dimension {
        LIGHTING("lighting", "light", Conditions.LIGHTING),
        BACKGROUND("background", "background", Conditions.BACKGROUND),
        HANDEDNESS("handedness", "hand", Conditions.HANDEDNESS),
        SIGNER("signer", "signer", List.of());

        private final String column;
        private final String noun;
        private final List<String> suggested;

        Dimension(String column, String noun, List<String> suggested) {
            this.column = column;
            this.noun = noun;
            this.suggested = suggested;
        }

        /** The manifest column that holds it. */
        public String column() {
            return column;
        }

        /** The values a complete set has, whether or not any image has them yet. */
        public List<String> suggested() {
            return suggested;
        }

        /** How a missing cell reads: "dim-light", "daylight", "left-hand", "outdoor-background". */
        public String describe(String value) {
            String word = value.toLowerCase(Locale.ROOT);
            // "daylight" and "backlit" already say what they are; "dim" alone does not.
            return word.endsWith(noun) || this == LIGHTING && word.endsWith("lit") ? word : word + "-" + noun;
        }
    }

    private Conditions() {
    }
}
