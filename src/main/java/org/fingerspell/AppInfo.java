package org.fingerspell;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The app's version, filtered into a resource by Maven so it is right in the jar and in the IDE. */
public final class AppInfo {

    private static final Properties PROPERTIES = load();

    private AppInfo() {
    }

    public static String version() {
        return PROPERTIES.getProperty("version", "dev");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("/org/fingerspell/app.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // The version is informative only; "dev" is shown without it.
        }
        return properties;
    }
}
