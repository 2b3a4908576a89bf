package org.fingerspell.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelsTest {

    @Test
    void all_hasTwentyNineClassesInFixedOrder() {
        assertEquals(29, Labels.count());
        assertEquals("A", Labels.ALL.get(0));
        assertEquals("Z", Labels.ALL.get(25));
        assertEquals(List.of("del", "nothing", "space"), Labels.ALL.subList(26, 29));
    }

    @Test
    void parse_ignoresCaseAndSpaces() {
        assertEquals(Optional.of("A"), Labels.parse("a"));
        assertEquals(Optional.of("del"), Labels.parse("Del"));
        assertEquals(Optional.of("nothing"), Labels.parse(" NOTHING "));
        assertEquals(Optional.of("space"), Labels.parse("Space"));
    }

    @Test
    void parse_rejectsNonClasses() {
        assertTrue(Labels.parse("AA").isEmpty());
        assertTrue(Labels.parse("delete").isEmpty());
        assertTrue(Labels.parse("").isEmpty());
        assertTrue(Labels.parse(null).isEmpty());
    }

    @Test
    void parseSelection_letters_isTwentySixLetters() {
        List<String> letters = Labels.parseSelection("letters");
        assertEquals(26, letters.size());
        assertFalse(letters.contains("nothing"));
    }

    @Test
    void parseSelection_commaList_isCanonicalAndInLabelOrder() {
        assertEquals(List.of("A", "B", "del"), Labels.parseSelection("del, b,a,A"));
    }

    @Test
    void parseSelection_unknownClass_namesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Labels.parseSelection("A,hello"));
        assertTrue(e.getMessage().contains("hello"));
    }

    @Test
    void indexOf_unknownLabel_throws() {
        assertThrows(IllegalArgumentException.class, () -> Labels.indexOf("a"));
    }

    @Test
    void isLetter_distinguishesLettersFromSpecialClasses() {
        assertTrue(Labels.isLetter("Q"));
        assertFalse(Labels.isLetter("del"));
        assertFalse(Labels.isLetter("space"));
    }
}
