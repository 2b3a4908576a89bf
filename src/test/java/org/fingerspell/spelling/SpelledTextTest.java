package org.fingerspell.spelling;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpelledTextTest {

    @Test
    void apply_lettersAndSpace_append() {
        SpelledText text = new SpelledText();
        text.apply(Edit.letter("H"));
        text.apply(Edit.letter("I"));
        text.apply(Edit.SPACE);
        assertEquals("HI ", text.text());
    }

    @Test
    void backspace_onEmpty_staysEmpty() {
        assertEquals("", new SpelledText().backspace());
    }

    @Test
    void backspace_removesLast() {
        SpelledText text = new SpelledText();
        text.apply(Edit.letter("A"));
        text.apply(Edit.letter("B"));
        assertEquals("A", text.backspace());
    }

    @Test
    void clear_empties() {
        SpelledText text = new SpelledText();
        text.apply(Edit.letter("A"));
        assertEquals("", text.clear());
    }

    @Test
    void forLabel_mapsSpecialClasses() {
        assertEquals(Edit.SPACE, Edit.forLabel("space"));
        assertEquals(Edit.BACKSPACE, Edit.forLabel("del"));
        assertEquals(Edit.letter("Q"), Edit.forLabel("Q"));
    }
}
