package io.tradeguard.sim;

/** Standalone entry point of the simulator (`tradeguard.jar sim …`). */
public final class SimMain {
    private SimMain() {
    }

    public static int run(String[] args) {
        System.err.println("The simulator is being built; it cannot start yet.");
        return 2;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
