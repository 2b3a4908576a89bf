package org.fingerspell.video;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LatestFrameSlotTest {

    @Test
    void put_replacesAndReleasesUntakenFrame() throws Exception {
        int before = Frame.openCount();
        try (LatestFrameSlot slot = new LatestFrameSlot()) {
            Frame first = new Frame(FakeSources.frameOf("A"), 1, 1);
            Frame second = new Frame(FakeSources.frameOf("B"), 2, 2);
            slot.put(first);
            slot.put(second);
            assertEquals(1, slot.dropped());
            assertEquals(before + 1, Frame.openCount());
            try (Frame taken = slot.take(10, TimeUnit.MILLISECONDS)) {
                assertEquals(2, taken.sequence());
            }
        }
        assertEquals(before, Frame.openCount());
    }

    @Test
    void take_returnsNull_whenEmptyAfterTimeout() throws Exception {
        try (LatestFrameSlot slot = new LatestFrameSlot()) {
            assertNull(slot.take(20, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void close_releasesHeldFrameAndRefusesNew() {
        int before = Frame.openCount();
        LatestFrameSlot slot = new LatestFrameSlot();
        slot.put(new Frame(FakeSources.frameOf("A"), 1, 1));
        slot.close();
        slot.put(new Frame(FakeSources.frameOf("A"), 2, 2));
        assertEquals(before, Frame.openCount());
    }
}
