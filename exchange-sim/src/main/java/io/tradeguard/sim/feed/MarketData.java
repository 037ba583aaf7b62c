package io.tradeguard.sim.feed;

import io.tradeguard.sim.engine.EngineEvent;
import io.tradeguard.sim.engine.EngineListener;
import io.tradeguard.sim.engine.Instrument;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Klines of every interval and recent trades, built from the engine's public trades. Fed on the event
 * thread, read by REST handlers, hence synchronised.
 */
public final class MarketData implements EngineListener {
    private static final int MAX_BARS = 1500;
    private static final int MAX_TRADES = 1000;

    /** A kline update for the streams: {@code closed} once the bar is final. */
    public interface KlineListener {
        void onKline(Instrument inst, KlineInterval interval, Bar bar, boolean closed, long eventTime);
    }

    public record Trade(long id, long price, long qty, long quote, long time, boolean buyerMaker) {
    }

    private final Map<String, EnumMap<KlineInterval, ArrayDeque<Bar>>> bars = new HashMap<>();
    private final Map<String, ArrayDeque<Trade>> trades = new HashMap<>();
    private final List<KlineListener> listeners = new CopyOnWriteArrayList<>();

    public void addKlineListener(KlineListener l) {
        listeners.add(l);
    }

    @Override
    public void on(EngineEvent event) {
        if (event instanceof EngineEvent.PublicTrade t) {
            record(t);
        }
    }

    private void record(EngineEvent.PublicTrade t) {
        Instrument inst = t.inst();
        long quote = inst.notional(t.price(), t.qty());
        List<Object[]> updates = new ArrayList<>();
        synchronized (this) {
            ArrayDeque<Trade> recent = trades.computeIfAbsent(inst.symbol, k -> new ArrayDeque<>());
            recent.addLast(new Trade(t.tradeId(), t.price(), t.qty(), quote, t.time(), t.buyerMaker()));
            if (recent.size() > MAX_TRADES) {
                recent.removeFirst();
            }
            EnumMap<KlineInterval, ArrayDeque<Bar>> byInterval =
                    bars.computeIfAbsent(inst.symbol, k -> new EnumMap<>(KlineInterval.class));
            for (KlineInterval iv : KlineInterval.values()) {
                ArrayDeque<Bar> series = byInterval.computeIfAbsent(iv, k -> new ArrayDeque<>());
                long open = iv.openTime(t.time());
                Bar last = series.peekLast();
                if (last == null || last.openTime < open) {
                    if (last != null) {
                        updates.add(new Object[]{iv, last.copy(), true});
                    }
                    last = new Bar(open, iv.closeTime(open), t.price(), t.tradeId());
                    series.addLast(last);
                    if (series.size() > MAX_BARS) {
                        series.removeFirst();
                    }
                } else if (last.openTime > open) {
                    continue; // a trade stamped before the current bar (clock skew changed): keep bars ordered
                }
                last.add(t.price(), t.qty(), quote, !t.buyerMaker(), t.tradeId());
                updates.add(new Object[]{iv, last.copy(), false});
            }
        }
        for (Object[] u : updates) {
            for (KlineListener l : listeners) {
                l.onKline(inst, (KlineInterval) u[0], (Bar) u[1], (Boolean) u[2], t.time());
            }
        }
    }

    /** Bars overlapping [start, end], oldest first, at most {@code limit} (the latest ones without start). */
    public synchronized List<Bar> klines(String symbol, KlineInterval iv, long start, long end, int limit) {
        EnumMap<KlineInterval, ArrayDeque<Bar>> byInterval = bars.get(symbol);
        List<Bar> out = new ArrayList<>();
        if (byInterval == null || !byInterval.containsKey(iv)) {
            return out;
        }
        for (Bar b : byInterval.get(iv)) {
            if (b.closeTime >= start && b.openTime <= end) {
                out.add(b.copy());
            }
        }
        if (out.size() > limit) {
            return start > 0 ? out.subList(0, limit) : out.subList(out.size() - limit, out.size());
        }
        return out;
    }

    public synchronized List<Trade> recentTrades(String symbol, int limit) {
        ArrayDeque<Trade> recent = trades.get(symbol);
        if (recent == null) {
            return List.of();
        }
        List<Trade> all = new ArrayList<>(recent);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    /** 1m bars of the last 24 h, for the rolling ticker. */
    public List<Bar> lastDay(String symbol, long now) {
        return klines(symbol, KlineInterval.M1, now - 86_400_000L, now, MAX_BARS);
    }
}
