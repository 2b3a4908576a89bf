package org.fingerspell.video;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NaturalOrderTest {

    @Test
    void names_sortDigitRunsAsNumbers() {
        List<String> names = new ArrayList<>(List.of("A1005.jpg", "A10.jpg", "A2.jpg", "A100.jpg", "B1.jpg"));
        names.sort(NaturalOrder.NAMES);
        assertEquals(List.of("A2.jpg", "A10.jpg", "A100.jpg", "A1005.jpg", "B1.jpg"), names);
    }
}
