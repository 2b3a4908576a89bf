package org.fingerspell.hand;

import java.util.Locale;

/**
 * The hand that signs. Every pack the classifier learns from shows right hands seen from the front, so a left
 * hand's frames are mirrored before the hand is looked for: the classifier then sees a right hand. Mirroring is
 * what a left-handed signer's letters mean in ASL, which is why it is a setting and not something to guess.
 */
public enum SigningHand {
    RIGHT("Right hand"),
    LEFT("Left hand (mirrored)");

    private final String description;

    SigningHand(String description) {
        this.description = description;
    }

    /** Whether frames are mirrored before reading. */
    public boolean mirrors() {
        return this == LEFT;
    }

    public String description() {
        return description;
    }

    /** {@code right} or {@code left}, any case. */
    public static SigningHand parse(String text) {
        if (text != null) {
            for (SigningHand hand : values()) {
                if (hand.name().equalsIgnoreCase(text.trim())) {
                    return hand;
                }
            }
        }
        throw new IllegalArgumentException("signing hand must be right or left, not '" + text + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
