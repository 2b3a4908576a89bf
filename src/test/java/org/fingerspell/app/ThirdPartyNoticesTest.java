package org.fingerspell.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThirdPartyNoticesTest {

    @Test
    void bundledText_isThePackagingFile() throws Exception {
        String source = Files.readString(Path.of("packaging/THIRD-PARTY-NOTICES.md"));

        assertEquals(source, ThirdPartyNotices.bundledText());
    }

    @Test
    void components_listEveryBundledLibraryWithALicence() {
        List<ThirdPartyNotices.Component> components = ThirdPartyNotices.components(ThirdPartyNotices.bundledText());

        for (String name : List.of("OpenJDK", "OpenJFX", "ControlsFX", "AtlantaFX", "OpenCV", "ONNX Runtime",
                "Deep Java Library", "MediaPipe palm detection model", "picocli", "Gson", "SLF4J", "JNA")) {
            assertTrue(components.stream().anyMatch(c -> c.name().startsWith(name)), name + " missing");
        }
        components.forEach(c -> assertFalse(c.licence().isBlank(), c.name() + " has no licence"));
    }

    @Test
    void bundledText_citesTheDatasetsAsTheDataReadmeDoes() {
        String text = ThirdPartyNotices.bundledText();

        assertTrue(text.contains("Akash Nagaraj (2018), ASL Alphabet, Kaggle, doi:10.34740/KAGGLE/DSV/29550"));
        assertTrue(text.contains("Barczak, Reyes, Abastillas, Piccio & Susnjak (2011), \"A new 2D static hand gesture "
                + "colour image dataset for ASL gestures\", Research Letters in the Information and Mathematical "
                + "Sciences 15:12–20."));
        assertTrue(text.contains("The phone set came from a public repository under Apache-2.0"));
    }

    @Test
    void components_readOnlyTheComponentsSection() {
        String markdown = "# N\n\n| a | b | c |\n|---|---|---|\n| x | 1 | MIT |\n\n## Components\n\n"
                + "| Component | Version | Licence | Source |\n|---|---|---|---|\n"
                + "| Lib | 2.0 | Apache-2.0 | https://x |\n\n"
                + "## Notes\n| y | 3 | GPL |\n";

        assertEquals(List.of(new ThirdPartyNotices.Component("Lib", "2.0", "Apache-2.0", "https://x")),
                ThirdPartyNotices.components(markdown));
    }
}
