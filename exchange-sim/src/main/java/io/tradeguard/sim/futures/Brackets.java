package io.tradeguard.sim.futures;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Notional and leverage brackets per symbol, in the shape of {@code GET /fapi/v1/leverageBracket}
 * (binance-api.md §6.4). Parsed with decimals only; every table is checked: contiguous from 0, leverage
 * falling, MMR rising, and each {@code cum} equal to floor × (MMR_n − MMR_n−1) + cum_n−1 (§6.8).
 */
public final class Brackets {
    private static final ObjectMapper DECIMALS = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public record Bracket(int bracket, int initialLeverage, BigDecimal notionalCap, BigDecimal notionalFloor,
                          BigDecimal maintMarginRatio, BigDecimal cum) {
    }

    private final Map<String, List<Bracket>> bySymbol;

    private Brackets(Map<String, List<Bracket>> bySymbol) {
        this.bySymbol = bySymbol;
    }

    /** The table shipped with the simulator (BTCUSDT, ETHUSDT, BNBUSDT, SOLUSDT). */
    public static Brackets defaults() {
        try (InputStream in = Brackets.class.getResourceAsStream("leverage-brackets.json")) {
            if (in == null) {
                throw new IllegalStateException("leverage-brackets.json is missing from the simulator");
            }
            return parse(DECIMALS.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Brackets parse(String json) {
        try {
            return parse(DECIMALS.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("brackets are not JSON");
        }
    }

    /** A leverageBracket answer: an array of {symbol, brackets:[…]}. */
    public static Brackets parse(JsonNode root) {
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException("brackets: a non-empty array of {symbol, brackets}");
        }
        Map<String, List<Bracket>> out = new LinkedHashMap<>();
        for (JsonNode s : root) {
            String symbol = s.path("symbol").asText("");
            JsonNode arr = s.path("brackets");
            if (symbol.isEmpty() || !arr.isArray() || arr.isEmpty()) {
                throw new IllegalArgumentException("brackets: each entry needs symbol and brackets");
            }
            List<Bracket> list = new ArrayList<>();
            for (JsonNode b : arr) {
                list.add(new Bracket(b.path("bracket").asInt(), b.path("initialLeverage").asInt(),
                        dec(b, "notionalCap"), dec(b, "notionalFloor"), dec(b, "maintMarginRatio"), dec(b, "cum")));
            }
            check(symbol, list);
            if (out.put(symbol, List.copyOf(list)) != null) {
                throw new IllegalArgumentException("brackets: " + symbol + " twice");
            }
        }
        return new Brackets(out);
    }

    private static BigDecimal dec(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || !(n.isNumber() || n.isTextual())) {
            throw new IllegalArgumentException("brackets: '" + field + "' missing");
        }
        try {
            return new BigDecimal(n.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("brackets: '" + field + "' is not a number");
        }
    }

    private static void check(String symbol, List<Bracket> list) {
        BigDecimal floor = BigDecimal.ZERO;
        BigDecimal prevMmr = BigDecimal.ZERO;
        BigDecimal prevCum = BigDecimal.ZERO;
        int prevLev = Integer.MAX_VALUE;
        for (int i = 0; i < list.size(); i++) {
            Bracket b = list.get(i);
            if (b.bracket() != i + 1 || b.notionalFloor().compareTo(floor) != 0 || b.notionalCap().compareTo(b.notionalFloor()) <= 0
                    || b.initialLeverage() < 1 || b.initialLeverage() > 125 || b.initialLeverage() > prevLev
                    || b.maintMarginRatio().signum() <= 0 || b.maintMarginRatio().compareTo(prevMmr) < 0
                    || b.maintMarginRatio().compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("brackets of " + symbol + ": bracket " + (i + 1)
                        + " must be numbered in order, contiguous from 0, with leverage 1-125 falling and MMR rising");
            }
            BigDecimal expectedCum = i == 0 ? BigDecimal.ZERO
                    : b.notionalFloor().multiply(b.maintMarginRatio().subtract(prevMmr)).add(prevCum);
            if (b.cum().compareTo(expectedCum) != 0) {
                throw new IllegalArgumentException("brackets of " + symbol + ": cum of bracket " + (i + 1) + " is "
                        + b.cum().toPlainString() + ", the maintenance amount formula gives " + expectedCum.toPlainString());
            }
            floor = b.notionalCap();
            prevMmr = b.maintMarginRatio();
            prevCum = b.cum();
            prevLev = b.initialLeverage();
        }
    }

    public boolean has(String symbol) {
        return bySymbol.containsKey(symbol);
    }

    public List<String> symbols() {
        return List.copyOf(bySymbol.keySet());
    }

    public List<Bracket> of(String symbol) {
        List<Bracket> l = bySymbol.get(symbol);
        if (l == null) {
            throw new IllegalArgumentException("no brackets for " + symbol);
        }
        return l;
    }

    /** The bracket whose [floor, cap) holds {@code notional} (the last one beyond its cap). */
    public Bracket forNotional(String symbol, BigDecimal notional) {
        List<Bracket> l = of(symbol);
        for (Bracket b : l) {
            if (notional.compareTo(b.notionalCap()) < 0) {
                return b;
            }
        }
        return l.get(l.size() - 1);
    }

    /** Highest leverage of the first bracket: the symbol's maximum. */
    public int maxLeverage(String symbol) {
        return of(symbol).get(0).initialLeverage();
    }

    /** Largest position notional allowed at {@code leverage}: the cap of the last bracket still allowing it. */
    public BigDecimal maxNotional(String symbol, int leverage) {
        BigDecimal cap = BigDecimal.ZERO;
        for (Bracket b : of(symbol)) {
            if (b.initialLeverage() >= leverage) {
                cap = b.notionalCap();
            }
        }
        return cap;
    }
}
