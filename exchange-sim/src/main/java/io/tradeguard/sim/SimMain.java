package io.tradeguard.sim;

import io.tradeguard.sim.engine.SymbolSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    private SimMain() {
    }

    /** Parses the arguments, starts the simulator and blocks while it runs; returns the exit code. */
    public static int run(String[] args) {
        return new CommandLine(new SimMain()).execute(args);
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
                    System.err.println("unknown symbol " + s + "; choose from BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT");
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
                    System.err.println("--feed replay needs --replay-file");
                    yield null;
                }
                yield new PriceFeed.Replay(replaySymbol, replayFile, 1000, true);
            }
            default -> {
                System.err.println("--feed is walk, manual or replay");
                yield null;
            }
        };
        if (priceFeed == null) {
            return 2;
        }
        SimConfig config = SimConfig.defaults().withHost(host).withPort(port).withAdminToken(adminToken).withSeed(seed)
                .withSymbols(listed).withPriceFeed(priceFeed);
        CountDownLatch stopped = new CountDownLatch(1);
        try (ExchangeSimulator sim = ExchangeSimulator.start(config)) {
            System.out.println("tradeguard-sim listening on " + sim.baseUrl());
            System.out.println("admin token: " + sim.adminToken());
            System.out.println("websocket api: " + sim.wsBaseUrl() + "/ws-api/v3, market streams: " + sim.wsBaseUrl() + "/ws");
            System.out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return 0;
    }
}
