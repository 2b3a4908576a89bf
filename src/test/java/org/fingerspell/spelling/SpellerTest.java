package org.fingerspell.spelling;

import org.fingerspell.model.Labels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Synthetic prediction streams at 30 fps through the speller: holds, repeats, flicker, del and space. */
class SpellerTest {

    private static final long FRAME_NANOS = 33_333_333L;
    private static final SpellingSettings SETTINGS = new SpellingSettings(0.6, 500, 5);

    private final Speller speller = new Speller(SETTINGS);
    private final SpelledText text = new SpelledText();
    private long clock;

    /** Feeds {@code frames} readings of {@code label} at {@code confidence}, the rest spread evenly. */
    private void show(String label, double confidence, int frames) {
        for (int i = 0; i < frames; i++) {
            step(label, confidence);
        }
    }

    private SpellStep step(String label, double confidence) {
        double[] p = new double[Labels.count()];
        java.util.Arrays.fill(p, (1 - confidence) / (Labels.count() - 1));
        p[Labels.indexOf(label)] = confidence;
        SpellStep step = speller.accept(p, clock);
        clock += FRAME_NANOS;
        if (step.edit() != null) {
            text.apply(step.edit());
        }
        return step;
    }

    @Test
    void accept_typesLetter_whenHeldForHoldTime() {
        show("A", 0.9, 30);
        assertEquals("A", text.text());
    }

    @Test
    void accept_typesNothing_whenHeldShorterThanHoldTime() {
        show("A", 0.9, 12);
        show(Labels.NOTHING, 0.95, 10);
        assertEquals("", text.text());
    }

    @Test
    void accept_typesOnce_whenLetterHeldLong() {
        show("A", 0.9, 300);
        assertEquals("A", text.text());
    }

    @Test
    void accept_typesNothing_belowThreshold() {
        show("A", 0.5, 60);
        assertEquals("", text.text());
    }

    @Test
    void accept_reportsLowConfidence_belowThreshold() {
        show("A", 0.5, 10);
        assertEquals(SpellStep.State.LOW_CONFIDENCE, step("A", 0.5).state());
    }

    @Test
    void accept_repeatsLetter_onlyAfterNothingBreak() {
        show("L", 0.9, 30);
        show(Labels.NOTHING, 0.9, 10);
        show("L", 0.9, 30);
        assertEquals("LL", text.text());
    }

    @Test
    void accept_repeatsLetter_afterDifferentReadingBreak() {
        show("L", 0.9, 30);
        show("O", 0.9, 8);
        show("L", 0.9, 30);
        assertEquals("LL", text.text());
    }

    @Test
    void accept_doesNotRepeat_whenLowConfidenceInterrupts() {
        show("L", 0.9, 30);
        show("L", 0.4, 15);
        show("L", 0.9, 30);
        assertEquals("L", text.text());
    }

    @Test
    void accept_ignoresSingleFlickerFrame_duringHold() {
        show("B", 0.9, 10);
        step("C", 0.99);
        show("B", 0.9, 10);
        assertEquals("B", text.text());
    }

    @Test
    void accept_flickerBetweenTwoLetters_typesNeither() {
        for (int i = 0; i < 60; i++) {
            step(i % 2 == 0 ? "M" : "N", 0.9);
        }
        assertEquals("", text.text());
    }

    @Test
    void accept_singleBadFrame_typesNothing() {
        show(Labels.NOTHING, 0.9, 20);
        step("Q", 1.0);
        show(Labels.NOTHING, 0.9, 40);
        assertEquals("", text.text());
    }

    @Test
    void accept_space_typesSpace() {
        show("H", 0.9, 30);
        show("I", 0.9, 30);
        show(Labels.SPACE, 0.9, 30);
        assertEquals("HI ", text.text());
    }

    @Test
    void accept_del_removesLastCharacter() {
        show("H", 0.9, 30);
        show("X", 0.9, 30);
        show(Labels.DEL, 0.9, 30);
        show("I", 0.9, 30);
        assertEquals("HI", text.text());
    }

    @Test
    void accept_delHeld_deletesOnlyOnce() {
        show("A", 0.9, 30);
        show("B", 0.9, 30);
        show(Labels.DEL, 0.9, 120);
        assertEquals("A", text.text());
    }

    @Test
    void accept_nothing_neverTypes() {
        show(Labels.NOTHING, 0.99, 300);
        assertEquals("", text.text());
    }

    @Test
    void accept_holdProgress_risesTowardsOne() {
        show("A", 0.9, 5);
        double early = step("A", 0.9).holdProgress();
        show("A", 0.9, 5);
        double later = step("A", 0.9).holdProgress();
        assertTrue(later > early && later < 1, early + " then " + later);
    }

    @Test
    void accept_holdTime_isMeasuredInFrameTimeNotFrameCount() {
        // 4 fps inference: 3 readings 250 ms apart are 500 ms of hold.
        Speller slow = new Speller(new SpellingSettings(0.6, 500, 1));
        double[] p = new double[Labels.count()];
        p[Labels.indexOf("K")] = 1;
        assertNull(slow.accept(p, 0).edit());
        assertNull(slow.accept(p, 250_000_000L).edit());
        assertEquals(Edit.letter("K"), slow.accept(p, 500_000_000L).edit());
    }

    @Test
    void accept_wrongLength_throws() {
        assertThrows(IllegalArgumentException.class, () -> speller.accept(new double[3], 0));
    }

    @Test
    void acceptNoHand_reportsNoHandAndBreaksRepeat() {
        show("E", 0.9, 30);
        SpellStep last = null;
        for (int i = 0; i < 6; i++) {
            last = speller.acceptNoHand(clock += FRAME_NANOS);
        }
        assertEquals(SpellStep.State.NO_HAND, last.state());
        show("E", 0.9, 30);
        assertEquals("EE", text.text());
    }

    @Test
    void setSettings_longerHold_delaysTyping() {
        speller.setSettings(SETTINGS.withHoldMillis(1500));
        show("A", 0.9, 30);
        assertEquals("", text.text());
        show("A", 0.9, 30);
        assertEquals("A", text.text());
    }

    @Test
    void settings_outOfRange_throw() {
        assertThrows(IllegalArgumentException.class, () -> new SpellingSettings(1.5, 500, 5));
        assertThrows(IllegalArgumentException.class, () -> new SpellingSettings(0.6, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new SpellingSettings(0.6, 500, 0));
    }
}
