package org.fingerspell.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fingerspell} command: each subcommand is one class; exit codes 0 ok, 1 usage, 2 input error. */
@Command(name = "fingerspell",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads American Sign Language fingerspelling from images, video and the webcam.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Commands that run for hours, where glibc's default malloc arenas let the resident set creep up. */
    private static final java.util.Set<String> LONG_RUNNING = java.util.Set.of("live", "soak");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && LONG_RUNNING.contains(args[0])) {
            // Before anything else: may restart this same process once with glibc's malloc arenas capped.
            org.fingerspell.app.MallocArenas.applyBeforeStart(args);
        }
        // Everything Fingerspell needs ships with it: DJL must never try the network.
        System.setProperty("ai.djl.offline", "true");
        // --- App runtime (issue 10): console + rotated file log in the user's data folder, crash reports. ---
        org.fingerspell.app.AppRuntime.install(args);
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(new ClassifyCommand());
        cli.addSubcommand(new InfoCommand());
        cli.addSubcommand(new EvalCommand());
        cli.addSubcommand(new CropCommand());
        cli.addSubcommand(new LiveCommand());
        cli.addSubcommand(new BenchmarkCommand());
        cli.addSubcommand(new SoakCommand());
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        cli.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }
}
