package io.tradeguard.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Entry point of tradeguard.jar: `run` (default) starts the product, `sim` a standalone simulator. */
@Command(name = "tradeguard", mixinStandardHelpOptions = true, version = "tradeguard 0.1.0",
        description = "A trading engine for Binance Spot and USD-M Futures under hard safety rails.",
        subcommands = {SimCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        int exit = new CommandLine(new Main()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() {
        System.err.println("""
                The trading service (`run`) is not built yet: only `sim` works in this version.
                Start the embedded exchange with: java -jar app/target/tradeguard.jar sim --port 18081""");
        return 2;
    }
}
