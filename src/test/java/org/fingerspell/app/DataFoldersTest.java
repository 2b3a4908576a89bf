package org.fingerspell.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataFoldersTest {

    @Test
    void dataHome_usesXdgDataHome_onLinux() {
        assertEquals(Path.of("/x/data/fingerspell"),
                DataFolders.dataHome("Linux", Map.of("XDG_DATA_HOME", "/x/data"), "/home/u", null));
    }

    @Test
    void dataHome_fallsBackToLocalShare_onLinuxWithoutXdg() {
        assertEquals(Path.of("/home/u/.local/share/fingerspell"),
                DataFolders.dataHome("Linux", Map.of(), "/home/u", null));
    }

    @Test
    void dataHome_ignoresRelativeXdgDataHome() {
        assertEquals(Path.of("/home/u/.local/share/fingerspell"),
                DataFolders.dataHome("Linux", Map.of("XDG_DATA_HOME", "rel/data"), "/home/u", null));
    }

    @Test
    void dataHome_usesApplicationSupport_onMac() {
        assertEquals(Path.of("/Users/u/Library/Application Support/Fingerspell"),
                DataFolders.dataHome("Mac OS X", Map.of(), "/Users/u", null));
    }

    @Test
    void dataHome_usesLocalAppData_onWindows() {
        assertEquals(Path.of("C:/Users/u/AppData/Local/Fingerspell"),
                DataFolders.dataHome("Windows 11", Map.of("LOCALAPPDATA", "C:/Users/u/AppData/Local"), "C:/Users/u",
                        null));
    }

    @Test
    void dataHome_prefersPropertyThenEnvironment_overPlatformFolder() {
        assertEquals(Path.of("/p"), DataFolders.dataHome("Linux", Map.of("FINGERSPELL_DATA", "/e"), "/home/u", "/p"));
        assertEquals(Path.of("/e"), DataFolders.dataHome("Linux", Map.of("FINGERSPELL_DATA", "/e"), "/home/u", null));
    }
}
