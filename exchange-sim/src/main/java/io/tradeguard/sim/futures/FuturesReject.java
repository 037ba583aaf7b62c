package io.tradeguard.sim.futures;

/** A futures command refused with Binance's code and message; nothing changed. */
public final class FuturesReject extends RuntimeException {
    private final int code;

    public FuturesReject(int code, String msg) {
        super(msg, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }

    static FuturesReject marginInsufficient() {
        return new FuturesReject(-2019, "Margin is insufficient.");
    }

    static FuturesReject reduceOnly() {
        return new FuturesReject(-2022, "ReduceOnly Order is rejected.");
    }

    static FuturesReject wouldTrigger() {
        return new FuturesReject(-2021, "Order would immediately trigger.");
    }
}
