package io.tradeguard.binance;

import java.net.URI;
import java.util.Objects;

/**
 * Where one Binance product is served: REST base, WebSocket-API URL (spot user data), market-stream
 * base. The three are separate hosts on Binance (binance-api.md §1.1).
 */
public record BinanceEndpoints(String name, URI rest, URI webSocketApi, URI streams) {

    public static final BinanceEndpoints SPOT_MAINNET = new BinanceEndpoints("binance-mainnet",
            URI.create("https://api.binance.com"), URI.create("wss://ws-api.binance.com:443/ws-api/v3"),
            URI.create("wss://stream.binance.com:9443"));

    public static final BinanceEndpoints SPOT_TESTNET = new BinanceEndpoints("binance-testnet",
            URI.create("https://testnet.binance.vision"), URI.create("wss://ws-api.testnet.binance.vision/ws-api/v3"),
            URI.create("wss://stream.testnet.binance.vision"));

    /** USDⓈ-M futures; {@code streams} is the routed base: {@code /private}, {@code /market}, {@code /public} are appended. */
    public static final BinanceEndpoints FUTURES_MAINNET = new BinanceEndpoints("binance-futures-mainnet",
            URI.create("https://fapi.binance.com"), URI.create("wss://ws-fapi.binance.com/ws-fapi/v1"),
            URI.create("wss://fstream.binance.com"));

    public static final BinanceEndpoints FUTURES_TESTNET = new BinanceEndpoints("binance-futures-testnet",
            URI.create("https://testnet.binancefuture.com"), URI.create("wss://testnet.binancefuture.com/ws-fapi/v1"),
            URI.create("wss://fstream.binancefuture.com"));

    public BinanceEndpoints {
        Objects.requireNonNull(name, "name");
        requireScheme(rest, "rest", "http", "https");
        requireScheme(webSocketApi, "webSocketApi", "ws", "wss");
        requireScheme(streams, "streams", "ws", "wss");
    }

    /**
     * A Binance-compatible server given by its HTTP and WebSocket bases, like the embedded simulator
     * ({@code http://127.0.0.1:p}, {@code ws://127.0.0.1:p}): the paths are Binance's.
     */
    public static BinanceEndpoints compatible(String name, String httpBase, String wsBase) {
        String ws = wsBase.replaceAll("/+$", "");
        return new BinanceEndpoints(name, URI.create(httpBase.replaceAll("/+$", "")), URI.create(ws + "/ws-api/v3"), URI.create(ws));
    }

    /** A futures-compatible server (the simulator): Binance's futures paths under the given bases. */
    public static BinanceEndpoints futuresCompatible(String name, String httpBase, String wsBase) {
        String ws = wsBase.replaceAll("/+$", "");
        return new BinanceEndpoints(name, URI.create(httpBase.replaceAll("/+$", "")), URI.create(ws + "/ws-fapi/v1"), URI.create(ws));
    }

    private static void requireScheme(URI uri, String what, String plain, String secure) {
        Objects.requireNonNull(uri, what);
        String scheme = uri.getScheme();
        if (!plain.equals(scheme) && !secure.equals(scheme)) {
            throw new IllegalArgumentException(what + " URL must start with " + plain + ":// or " + secure + "://, was " + uri);
        }
    }
}
