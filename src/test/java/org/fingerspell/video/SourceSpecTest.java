package org.fingerspell.video;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SourceSpecTest {

    @Test
    void parse_camera() {
        assertEquals(SourceSpec.camera(1), SourceSpec.parse("camera:1"));
    }

    @Test
    void parse_folderAndVideo_keepPath() {
        assertEquals(SourceSpec.Kind.FOLDER, SourceSpec.parse("folder:/tmp/x").kind());
        assertEquals("clip.mp4", SourceSpec.parse("video:clip.mp4").target());
    }

    @Test
    void parse_badInput_throws() {
        assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("webcam"));
        assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("camera:x"));
        assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("disk:/x"));
    }

    @Test
    void toString_roundTrips() {
        assertEquals("folder:/a/b", SourceSpec.parse("folder:/a/b").toString());
    }
}
