package io.tradeguard.app;

import io.tradeguard.app.service.ConfigException;
import io.tradeguard.app.service.Service;
import io.tradeguard.app.service.ServiceSettings;
import io.tradeguard.server.auth.AdminAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** `tradeguard run` (the default): the whole service in this process until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start the trading service: engine and API on http://127.0.0.1:8080. With no configuration it "
                + "trades on an embedded simulator with a funded demo account.",
                "Each option also reads the TRADEGUARD_… variable shown with it; a flag wins over the variable, which "
                + "wins over the --config file.",
                "Other variables: TRADEGUARD_ADMIN_PASSWORD (first start), TRADEGUARD_API_KEY and TRADEGUARD_API_SECRET "
                + "(live venues), TRADEGUARD_SPOT_REST_URL, TRADEGUARD_SPOT_WS_API_URL and TRADEGUARD_SPOT_STREAM_URL "
                + "(--venue custom).", ""})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (TRADEGUARD_CONFIG); validated at load")
    Path config;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port on 127.0.0.1 (TRADEGUARD_PORT; default 8080)")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the journal, users and secrets live (TRADEGUARD_DATA_DIR; default ./data)")
    Path dataDir;

    @Option(names = "--venue", paramLabel = "VENUE",
            description = "sim (default), binance-testnet, binance-mainnet (needs trading.allow-mainnet: true), custom (TRADEGUARD_VENUE)")
    String venue;

    @Option(names = "--sim-port", paramLabel = "PORT", description = "port of the embedded simulator (TRADEGUARD_SIM_PORT; default: a free port)")
    Integer simPort;

    @Option(names = "--sim-admin-token", paramLabel = "TOKEN",
            description = "admin token of the embedded simulator's /sim/v1 endpoints (TRADEGUARD_SIM_ADMIN_TOKEN; default: random)")
    String simAdminToken;

    @Option(names = "--mode", paramLabel = "MODE", description = "manual (default), auto or hybrid: who may trade (TRADEGUARD_MODE)")
    String mode;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    RunCommand() {
        this(System.getenv(), System.out, System.err);
    }

    RunCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Instant began = Instant.now();
        ServiceSettings settings;
        try {
            settings = ServiceSettings.resolve(new ServiceSettings.Flags(config, port, dataDir, venue, simPort, simAdminToken, mode), env);
        } catch (ConfigException e) {
            err.println("tradeguard cannot start: " + e.getMessage());
            return 2;
        }
        out.println("tradeguard starting (venue " + settings.venue().wireName() + ")");
        Service service;
        try {
            service = Service.start(settings, out);
        } catch (ConfigException e) {
            err.println("tradeguard cannot start: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("tradeguard could not start: " + describe(e));
            err.println(advice(e, settings));
            return 1;
        }
        long millis = Duration.between(began, Instant.now()).toMillis();
        out.println();
        String base = "http://127.0.0.1:" + service.port();
        out.println("tradeguard is ready in " + millis + " ms: dashboard " + base + "/");
        out.println("  API " + base + "/api/, description " + base + "/api/openapi.json, health " + base + "/health, events ws://127.0.0.1:" + service.port() + "/ws");
        switch (service.admin()) {
            case AdminAccount.Outcome.CreatedWithGeneratedPassword p -> {
                out.println("  admin login: admin / " + p.password());
                out.println("  (shown once; only its hash is stored in " + settings.dataDir().resolve("users.txt") + ")");
            }
            case AdminAccount.Outcome.CreatedWithGivenPassword p -> out.println("  admin login: admin / the password in TRADEGUARD_ADMIN_PASSWORD");
            case AdminAccount.Outcome.AlreadyPresent p -> out.println("  log in with the accounts created on the first start (user admin)");
        }
        if (!settings.tradingEnabled()) {
            out.println("  trading is DISABLED on this live venue: POST /api/real-trading/start (admin or trader) enables it");
        }
        out.println("  stop with Ctrl-C or SIGTERM");
        out.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Runnable shutdown = () -> {
            out.println("tradeguard stopping: no new orders, open-order policy, flushing the journal");
            service.close();
            out.println("tradeguard stopped");
            out.flush();
            stopped.countDown();
        };
        Thread hook = new Thread(shutdown, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!Signals.onTerminate(() -> {
            Runtime.getRuntime().removeShutdownHook(hook);
            Thread.ofPlatform().name("stop").start(shutdown);
        })) {
            err.println("(this JVM cannot catch SIGTERM itself; the shutdown hook still stops the service cleanly)");
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    private static String advice(Exception e, ServiceSettings s) {
        String text = describe(e).toLowerCase();
        if (text.contains("address already in use") || text.contains("bind")) {
            return "A port is taken: choose another with --port (now " + s.port() + ") or --sim-port, or stop the other process.";
        }
        if (text.contains("-2015") || text.contains("-2014") || text.contains("api-key") || text.contains("signature")) {
            return "The exchange refused the API key: check TRADEGUARD_API_KEY / TRADEGUARD_API_SECRET and the key's IP and permission settings.";
        }
        if (s.venue().live()) {
            return "Check the network connection to the exchange and the venue settings (--venue " + s.venue().wireName() + "); details are in the log.";
        }
        return "Details are in the log above; the data directory is " + s.dataDir().toAbsolutePath() + ".";
    }
}
