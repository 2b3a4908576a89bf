package org.fingerspell.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The component table of {@code THIRD-PARTY-NOTICES.md} (the "## Components" section), for the About dialog. */
public final class ThirdPartyNotices {

    /** Where the build puts the notices inside the jar (from {@code packaging/THIRD-PARTY-NOTICES.md}). */
    public static final String RESOURCE = "/org/fingerspell/app/THIRD-PARTY-NOTICES.md";

    /** One bundled component and its licence. */
    public record Component(String name, String version, String licence, String source) {
        /** {@code ONNX Runtime 1.21.1: MIT}. */
        public String describe() {
            return name + " " + version + ": " + licence;
        }
    }

    private ThirdPartyNotices() {
    }

    /** The notices text shipped in the jar, or empty when it is missing (a build without resources). */
    public static String bundledText() {
        try (InputStream in = ThirdPartyNotices.class.getResourceAsStream(RESOURCE)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public static List<Component> components(String markdown) {
        List<Component> components = new ArrayList<>();
        boolean inSection = false;
        boolean headerSeen = false;
        for (String raw : markdown.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("## ")) {
                inSection = line.substring(3).strip().equalsIgnoreCase("Components");
                headerSeen = false;
                continue;
            }
            if (!inSection || !line.startsWith("|")) {
                continue;
            }
            List<String> cells = ModelCard.cells(line);
            if (!headerSeen) {
                headerSeen = true;
            } else if (cells.size() >= 3 && !cells.get(0).startsWith("---")) {
                components.add(new Component(cells.get(0), cells.get(1), cells.get(2),
                        cells.size() > 3 ? cells.get(3) : ""));
            }
        }
        return components;
    }
}
