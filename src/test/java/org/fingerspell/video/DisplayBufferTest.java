package org.fingerspell.video;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayBufferTest {

    @Test
    void acquire_returnsNewestPublished() {
        DisplayBuffer buffer = new DisplayBuffer();
        buffer.back(2, 1).bgra()[0] = 1;
        assertTrue(buffer.publish(1));
        buffer.back(2, 1).bgra()[0] = 2;
        assertFalse(buffer.publish(2), "second publish before acquire must not ask for another paint");
        DisplayBuffer.Pixels pixels = buffer.acquire();
        assertEquals(2, pixels.sequence());
        assertEquals(2, pixels.bgra()[0]);
        assertNull(buffer.acquire());
    }

    @Test
    void back_neverHandsOutTheBufferBeingRead() {
        DisplayBuffer buffer = new DisplayBuffer();
        buffer.back(4, 4);
        buffer.publish(1);
        DisplayBuffer.Pixels front = buffer.acquire();
        for (int i = 0; i < 5; i++) {
            assertNotSame(front, buffer.back(4, 4));
            buffer.publish(i + 2);
        }
    }
}
