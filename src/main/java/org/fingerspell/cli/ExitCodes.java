package org.fingerspell.cli;

import org.fingerspell.image.ImageLoadException;
import org.fingerspell.model.ModelException;
import picocli.CommandLine;

import java.io.IOException;

/** The exit codes every command shares, and how failures become one clear line instead of a stack trace. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int INPUT_ERROR = 2;

    private ExitCodes() {
    }

    static int forException(Throwable t) {
        return t instanceof CommandLine.ParameterException ? USAGE : INPUT_ERROR;
    }

    /** User errors (bad model, bad file, missing folder) print one line; bugs keep their stack trace. */
    static int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        if (e instanceof ModelException || e instanceof ImageLoadException || e instanceof IOException
                || e instanceof IllegalArgumentException) {
            cli.getErr().println("fingerspell: " + userMessage(e));
            return INPUT_ERROR;
        }
        cli.getErr().println("fingerspell: internal error: " + e);
        // A bug: the crash reporter (installed by Main.main) writes a report the user can attach.
        if (org.fingerspell.app.CrashReporter.reportIfInstalled(e).isEmpty()) {
            e.printStackTrace(cli.getErr());
        }
        return INPUT_ERROR;
    }

    static String userMessage(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return missing.getFile() + ": not found";
        }
        if (e instanceof java.nio.file.NotDirectoryException notDir) {
            return notDir.getFile() + ": not a folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
