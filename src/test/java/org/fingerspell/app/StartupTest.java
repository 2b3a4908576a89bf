package org.fingerspell.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupTest {

    @Test
    void milestone_measuresFromProcessStart_andKeepsTheFirstTime() throws InterruptedException {
        Duration first = Startup.milestone("test milestone");
        Thread.sleep(20);
        Duration again = Startup.milestone("test milestone");

        assertFalse(first.isNegative());
        assertEquals(first, again);
        assertTrue(Startup.reached("test milestone").isPresent());
    }

    @Test
    void reached_isEmpty_forAMilestoneNotReached() {
        assertTrue(Startup.reached("never").isEmpty());
    }
}
