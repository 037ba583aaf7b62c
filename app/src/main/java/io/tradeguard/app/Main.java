package io.tradeguard.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Entry point of tradeguard.jar: `run` (default) starts the product, `sim` a standalone simulator. */
@Command(name = "tradeguard", mixinStandardHelpOptions = true, version = "tradeguard 0.1.0",
        description = {"A trading engine for Binance Spot and USD-M Futures under hard safety rails.",
                "Without a command it runs the service (see `run --help` for its options)."},
        subcommands = {RunCommand.class, SimCommand.class, ClientCommands.Status.class, ClientCommands.Positions.class,
                ClientCommands.Order.class, ClientCommands.Cancel.class, ClientCommands.EmergencyStop.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        int exit = new CommandLine(new Main()).execute(withDefaultCommand(args));
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** `tradeguard --port 9000` means `tradeguard run --port 9000`: options without a command are run's. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0 || java.util.Set.of("run", "sim", "status", "positions", "order", "cancel", "emergency-stop", "-h", "--help", "-V", "--version").contains(args[0])) {
            return args;
        }
        String[] out = new String[args.length + 1];
        out[0] = "run";
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    /** No command given: `run`, with no options (`run --help` lists them). */
    @Override
    public Integer call() {
        return new RunCommand().call();
    }
}
