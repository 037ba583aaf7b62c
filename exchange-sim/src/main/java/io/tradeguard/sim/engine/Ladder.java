package io.tradeguard.sim.engine;

/**
 * The house depth of one taker execution, anchored at the last price when the taker arrived. Level k
 * (1-based) of asks sits k x spacing bips above the anchor, bids below; each holds the quantity worth
 * {@link Liquidity#quotePerLevel()}. Consumed quantities last for this execution only.
 */
final class Ladder {
    private final Instrument inst;
    private final Side restingSide;
    private final long anchor;
    private final int spacing;
    private final long perLevelQuote;
    private final int levels;
    private int level = 1;
    private long levelPrice;
    private long levelLeft;

    Ladder(Instrument inst, Side restingSide, long anchor, Liquidity cfg, long perLevelQuote) {
        this.inst = inst;
        this.restingSide = restingSide;
        this.anchor = anchor;
        this.spacing = cfg.spacingBips();
        this.perLevelQuote = perLevelQuote;
        this.levels = cfg.levels();
        load();
    }

    private void load() {
        while (level <= levels) {
            long p = inst.shiftByBips(anchor, (long) spacing * level, restingSide == Side.SELL);
            if (p >= inst.minPrice && p <= inst.maxPrice) {
                long q = Math.max(inst.step, inst.qtyForQuote(perLevelQuote, p));
                levelPrice = p;
                levelLeft = q;
                return;
            }
            level++;
        }
        levelLeft = 0;
    }

    boolean hasLiquidity() {
        return levelLeft > 0;
    }

    long price() {
        return levelPrice;
    }

    long available() {
        return levelLeft;
    }

    void take(long qty) {
        levelLeft -= qty;
        if (levelLeft == 0) {
            level++;
            load();
        }
    }
}
