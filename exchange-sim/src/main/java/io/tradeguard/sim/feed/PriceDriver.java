package io.tradeguard.sim.feed;

import io.tradeguard.sim.PriceFeed;
import io.tradeguard.sim.api.Venue;
import io.tradeguard.sim.engine.Instrument;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs the configured {@link PriceFeed}: outside trades into the engine on a timer. */
public final class PriceDriver implements AutoCloseable {
    private final Venue venue;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sim-feed");
        t.setDaemon(true);
        return t;
    });
    private final Random random;
    private ScheduledFuture<?> task;
    private PriceFeed current = new PriceFeed.Manual();

    public PriceDriver(Venue venue, long seed) {
        this.venue = venue;
        this.random = new Random(seed);
    }

    public synchronized PriceFeed current() {
        return current;
    }

    /** Switches the price source; a replay file is read (and checked) before anything changes. */
    public synchronized void use(PriceFeed feed) throws IOException {
        Runnable step = switch (feed) {
            case PriceFeed.Walk w -> () -> walk(w);
            case PriceFeed.Replay r -> replay(r);
            case PriceFeed.Manual m -> null;
        };
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        current = feed;
        if (step != null) {
            long period = switch (feed) {
                case PriceFeed.Walk w -> w.intervalMillis();
                case PriceFeed.Replay r -> Math.max(1, r.millisPerBar() / 4);
                case PriceFeed.Manual m -> 1;
            };
            task = timer.scheduleAtFixedRate(guard(step), period, period, TimeUnit.MILLISECONDS);
        }
    }

    private static Runnable guard(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(PriceDriver.class).warn("price feed step failed: {}", e.toString());
            }
        };
    }

    private void walk(PriceFeed.Walk w) {
        List<Instrument> insts = venue.locked(e -> e.instruments());
        for (Instrument inst : insts) {
            int bips;
            synchronized (random) {
                bips = random.nextInt(2 * w.maxStepBips() + 1) - w.maxStepBips();
            }
            venue.locked(e -> {
                long last = e.lastPrice(inst.symbol);
                long next = inst.shiftByBips(last, Math.abs(bips), bips > 0);
                next = Math.max(inst.minPrice, Math.min(inst.maxPrice, next));
                e.marketTrade(inst.symbol, next, inst.minQty, venue.now());
                return null;
            });
        }
    }

    /** Each bar becomes four trades: open, the nearer extreme, the other extreme, close. */
    private Runnable replay(PriceFeed.Replay r) throws IOException {
        Instrument inst = venue.locked(e -> e.instrument(r.symbol()));
        if (inst == null) {
            throw new IllegalArgumentException("replay symbol is not listed: " + r.symbol());
        }
        List<KlineCsv.Row> rows = KlineCsv.read(r.csv());
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("replay file has no bars: " + r.csv());
        }
        List<Long> prices = new ArrayList<>();
        for (KlineCsv.Row row : rows) {
            boolean up = row.close().compareTo(row.open()) >= 0;
            for (BigDecimal p : List.of(row.open(), up ? row.low() : row.high(), up ? row.high() : row.low(), row.close())) {
                prices.add(toTicks(inst, p));
            }
        }
        int[] next = {0};
        return () -> {
            if (next[0] >= prices.size()) {
                if (!r.loop()) {
                    return;
                }
                next[0] = 0;
            }
            long price = prices.get(next[0]++);
            venue.locked(e -> {
                e.marketTrade(inst.symbol, price, inst.minQty, venue.now());
                return null;
            });
        };
    }

    /** Outside prices are rounded to the symbol's tick. */
    static long toTicks(Instrument inst, BigDecimal price) {
        long units = price.setScale(inst.priceScale, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        long rem = units % inst.tick;
        long rounded = rem * 2 >= inst.tick ? units - rem + inst.tick : units - rem;
        return Math.max(inst.minPrice, Math.min(inst.maxPrice, rounded));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
