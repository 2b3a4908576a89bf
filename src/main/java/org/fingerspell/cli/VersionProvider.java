package org.fingerspell.cli;

import org.fingerspell.AppInfo;
import picocli.CommandLine;

/** {@code fingerspell --version}: the app, Java and platform. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "Fingerspell " + AppInfo.version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
