package org.vigie.server;

/** Lets test support code outside this package start the application and its command line. */
public final class VigieApplicationAccess {

    private VigieApplicationAccess() {
    }

    public static Class<?> applicationClass() {
        return VigieApplication.class;
    }

    public static int runCommandLine(java.io.PrintStream out, java.io.PrintStream err, String... args) {
        return new VigieCommandLine(out, err).run(args);
    }
}
