package org.fingerspell.spelling;

import org.fingerspell.model.Score;

import java.util.List;

/**
 * What the speller made of one reading.
 *
 * @param label        the smoothed top class
 * @param confidence   its smoothed probability
 * @param state        what the reading means for typing
 * @param holdProgress how far the current hold is towards typing (0..1)
 * @param edit         the edit typed by this reading, or null
 * @param ranked       the best smoothed classes, best first (the label and its runners-up)
 */
public record SpellStep(String label, double confidence, State state, double holdProgress, Edit edit,
                        List<Score> ranked) {

    public enum State {
        /** No hand in view ({@code nothing} is the smoothed reading). */
        NO_HAND,
        /** The smoothed confidence is below the threshold: nothing is being held. */
        LOW_CONFIDENCE,
        /** A confident reading is being held; it types when the hold completes. */
        HOLDING,
        /** The reading was just typed, or is the last typed letter and needs a break before it can repeat. */
        TYPED
    }

    public boolean typed() {
        return edit != null;
    }
}
