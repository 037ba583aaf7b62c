package io.tradeguard.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Entry point of tradeguard.jar: `run` (default) starts the product, `sim` a standalone simulator. */
@Command(name = "tradeguard", mixinStandardHelpOptions = true, version = "tradeguard 0.1.0",
        description = {"A trading engine for Binance Spot and USD-M Futures under hard safety rails.",
                "Without a command it runs the service (see `run --help` for its options)."},
        subcommands = {RunCommand.class, SimCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        int exit = new CommandLine(new Main()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** No command given: `run`, with no options (`run --help` lists them). */
    @Override
    public Integer call() {
        return new RunCommand().call();
    }
}
