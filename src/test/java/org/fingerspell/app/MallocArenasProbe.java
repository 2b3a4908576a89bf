package org.fingerspell.app;

/** Run by {@link MallocArenasTest} in a JVM of its own: prints its pid, its arena variable and its arguments. */
public final class MallocArenasProbe {

    private MallocArenasProbe() {
    }

    public static void main(String[] args) {
        System.out.println("before pid=" + ProcessHandle.current().pid());
        MallocArenas.applyBeforeStart(args);
        System.out.println("after pid=" + ProcessHandle.current().pid() + " env=" + System.getenv(MallocArenas.ENVIRONMENT)
                + " args=" + String.join("|", args) + " " + MallocArenas.describe());
    }
}
