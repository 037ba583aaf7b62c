package io.tradeguard.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Client commands against a running service: status, positions, order, cancel, emergency-stop. */
final class ClientCommands {
    private ClientCommands() {
    }

    /** Where the service is and who calls it; the password comes from the environment, never a flag. */
    static final class Connection {
        @Option(names = "--url", paramLabel = "URL", description = "the service (TRADEGUARD_URL; default http://127.0.0.1:8080)")
        String url;

        @Option(names = "--user", paramLabel = "NAME", description = "user name (TRADEGUARD_USER; default admin)")
        String user;

        int call(String method, String path, Map<String, Object> body) {
            String base = url != null ? url : System.getenv().getOrDefault("TRADEGUARD_URL", "http://127.0.0.1:8080");
            String name = user != null ? user : System.getenv().getOrDefault("TRADEGUARD_USER", "admin");
            String password = System.getenv("TRADEGUARD_PASSWORD");
            if (password == null || password.isEmpty()) {
                System.err.println("set TRADEGUARD_PASSWORD to the password of " + name + " (it is never taken as a flag, which other users could see)");
                return 2;
            }
            return new ApiClient(base).run(name, password, method, path, body, System.out, System.err);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Trading status of a running service.")
    static final class Status implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Override
        public Integer call() {
            return connection.call("GET", "api/real-trading/status", null);
        }
    }

    @Command(name = "positions", mixinStandardHelpOptions = true, description = "Open positions of a running service.")
    static final class Positions implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Override
        public Integer call() {
            return connection.call("GET", "api/real-trading/positions", null);
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel an order by its id.")
    static final class Cancel implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Parameters(paramLabel = "ORDER_ID", description = "the order id, or with --client-order-id the client order id")
        String orderId;

        @Option(names = "--client-order-id", description = "ORDER_ID is a client order id (yours, or the engine's TGM_…)")
        boolean byClientOrderId;

        @Override
        public Integer call() {
            if (!orderId.matches("[A-Za-z0-9._:-]{1,64}")) {
                System.err.println("not an order id: " + orderId);
                return 2;
            }
            return connection.call("DELETE", "api/real-trading/order/" + orderId + (byClientOrderId ? "?by=client_order_id" : ""), null);
        }
    }

    @Command(name = "emergency-stop", mixinStandardHelpOptions = true,
            description = "Cancel every order, close every position and halt trading until an admin resets it.")
    static final class EmergencyStop implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Option(names = "--reason", defaultValue = "emergency stop from the command line",
                description = "why, for the journal and the alerts (default: ${DEFAULT-VALUE})")
        String reason;

        @Override
        public Integer call() {
            return connection.call("POST", "api/real-trading/emergency-stop", Map.of("reason", reason));
        }
    }

    @Command(name = "order", mixinStandardHelpOptions = true,
            description = "Place a spot market or limit order (the risk rules judge it as any other).")
    static final class Order implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Parameters(index = "0", paramLabel = "SIDE", description = "buy or sell")
        String side;

        @Parameters(index = "1", paramLabel = "SYMBOL", description = "e.g. BTCUSDT")
        String symbol;

        @Parameters(index = "2", paramLabel = "QUANTITY", description = "base quantity, e.g. 0.001")
        String quantity;

        @Option(names = "--price", paramLabel = "PRICE", description = "limit price; without it a market order")
        String price;

        @Option(names = "--client-order-id", paramLabel = "ID",
                description = "your id for the order (1-26 letters, digits, '-', '_'); it goes out as TGM_<ID>")
        String clientOrderId;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("symbol", symbol);
            body.put("side", side);
            body.put("quantity", quantity);
            if (price != null) {
                body.put("price", price);
            }
            if (clientOrderId != null) {
                body.put("client_order_id", clientOrderId);
            }
            return connection.call("POST", "api/real-trading/order/" + (price == null ? "market" : "limit"), body);
        }
    }
}
