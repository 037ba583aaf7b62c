package io.tradeguard.app;

/**
 * Catches SIGTERM so that a stopped service exits 0 after a clean shutdown (a JVM killed by a signal with
 * only a shutdown hook exits 143). Uses {@code sun.misc.Signal} from jdk.unsupported, the only way the JDK
 * offers; answers false where it is not available, and the shutdown hook remains.
 */
final class Signals {
    private Signals() {
    }

    @SuppressWarnings("restriction")
    static boolean onTerminate(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> action.run());
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> action.run());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return false;
        }
    }
}
