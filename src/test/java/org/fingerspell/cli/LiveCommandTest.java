package org.fingerspell.cli;

import org.fingerspell.video.Cameras;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveCommandTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void listCameras_noCamera_saysSo() {
        Assumptions.assumeTrue(Cameras.list(10).isEmpty(), "this machine has a camera");
        StringWriter out = new StringWriter();
        assertEquals(ExitCodes.OK, run(out, new StringWriter(), "live", "--list-cameras"));
        assertTrue(out.toString().contains("No camera found"));
    }

    @Test
    void source_malformed_isInputError() {
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.INPUT_ERROR, run(new StringWriter(), err, "live", "--source", "webcam"));
        assertTrue(err.toString().contains("camera:N, video:FILE or folder:DIR"), err.toString());
    }

    @Test
    void help_listsSourceOption() {
        StringWriter out = new StringWriter();
        assertEquals(ExitCodes.OK, run(out, new StringWriter(), "live", "--help"));
        assertTrue(out.toString().contains("--source"));
    }
}
