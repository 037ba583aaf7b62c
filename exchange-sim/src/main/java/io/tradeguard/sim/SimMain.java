package io.tradeguard.sim;

import io.tradeguard.sim.engine.SymbolSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Standalone entry point of the simulator (`tradeguard.jar sim …`). */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Runs the Binance-compatible spot exchange simulator until interrupted.")
public final class SimMain implements Callable<Integer> {
    @Option(names = "--port", description = "port to listen on; 0 picks a free one (default ${DEFAULT-VALUE})", defaultValue = "18081")
    int port;

    @Option(names = "--host", description = "address to bind (default ${DEFAULT-VALUE})", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--admin-token", description = "token for /sim/v1 (X-Sim-Admin); generated and printed when absent")
    String adminToken;

    @Option(names = "--seed", description = "seed of the random walk (default ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Option(names = "--symbols", split = ",", description = "symbols to list, from: BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT (default all)")
    List<String> symbols = new ArrayList<>();

    @Option(names = "--feed", description = "walk, manual or replay (default ${DEFAULT-VALUE})", defaultValue = "walk")
    String feed;

    @Option(names = "--replay-file", description = "kline CSV (data.binance.vision layout) for --feed replay")
    Path replayFile;

    @Option(names = "--replay-symbol", description = "symbol the replay file belongs to (default ${DEFAULT-VALUE})", defaultValue = "BTCUSDT")
    String replaySymbol;

    private final PrintStream out;
    private final CountDownLatch stop;

    private SimMain(PrintStream out, CountDownLatch stop) {
        this.out = out;
        this.stop = stop;
    }

    /** Parses the arguments, starts the simulator and blocks while it runs; returns the exit code. */
    public static int run(String[] args) {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        return run(args, System.out, stop);
    }

    /** As {@link #run(String[])}, printing to {@code out} and running until {@code stop} opens. */
    static int run(String[] args, PrintStream out, CountDownLatch stop) {
        CommandLine cli = new CommandLine(new SimMain(out, stop));
        cli.setOut(new java.io.PrintWriter(out, true));
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    @Override
    public Integer call() throws Exception {
        List<SymbolSpec> listed = SymbolSpec.defaults();
        if (!symbols.isEmpty()) {
            List<SymbolSpec> chosen = new ArrayList<>();
            for (String s : symbols) {
                SymbolSpec spec = listed.stream().filter(x -> x.symbol().equals(s.trim())).findFirst().orElse(null);
                if (spec == null) {
                    out.println("unknown symbol " + s + "; choose from BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT");
                    return 2;
                }
                chosen.add(spec);
            }
            listed = chosen;
        }
        PriceFeed priceFeed = switch (feed) {
            case "walk" -> PriceFeed.walk();
            case "manual" -> new PriceFeed.Manual();
            case "replay" -> {
                if (replayFile == null) {
                    out.println("--feed replay needs --replay-file");
                    yield null;
                }
                yield new PriceFeed.Replay(replaySymbol, replayFile, 1000, true);
            }
            default -> {
                out.println("--feed is walk, manual or replay");
                yield null;
            }
        };
        if (priceFeed == null) {
            return 2;
        }
        SimConfig config = SimConfig.defaults().withHost(host).withPort(port).withAdminToken(adminToken).withSeed(seed)
                .withSymbols(listed).withPriceFeed(priceFeed);
        try (ExchangeSimulator sim = ExchangeSimulator.start(config)) {
            out.println("tradeguard-sim listening on " + sim.baseUrl());
            out.println("admin token: " + sim.adminToken());
            out.println("websocket api: " + sim.wsBaseUrl() + "/ws-api/v3, market streams: " + sim.wsBaseUrl() + "/ws");
            out.flush();
            stop.await();
        }
        return 0;
    }
}
