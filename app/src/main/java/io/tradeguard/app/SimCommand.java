package io.tradeguard.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `tradeguard sim …`: the embedded exchange on its own; its options belong to the simulator. */
@Command(name = "sim", description = "Run the Binance-compatible simulator on its own (see `sim --help`).",
        // the simulator parses its own options, so help must reach it too
        mixinStandardHelpOptions = false)
final class SimCommand implements Callable<Integer> {

    // everything after `sim` goes to the simulator's own parser, including --help
    @Unmatched
    List<String> simArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        return io.tradeguard.sim.SimMain.run(simArgs.toArray(String[]::new));
    }
}
