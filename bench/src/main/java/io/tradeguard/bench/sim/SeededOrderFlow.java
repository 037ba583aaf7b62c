package io.tradeguard.bench.sim;

import java.util.SplittableRandom;

/**
 * The seeded order stream both matching benchmarks replay, so the simulator's matcher and exchange-core see
 * the same orders: limit orders on both sides of one book within ±10 price steps of the mid (about half of
 * them cross), 1–20 lots each, one in ten IOC, the rest GTC, spread over {@code accounts} accounts; the
 * benchmarks cancel the order placed 30 before on every third order so the book stays small.
 */
final class SeededOrderFlow {
    static final int SIZE = 1 << 16;
    static final long SEED = 42;

    final boolean[] buy = new boolean[SIZE];
    /** price offset from the mid, in price steps (-10..10) */
    final int[] priceSteps = new int[SIZE];
    /** quantity in lots (1..20) */
    final int[] lots = new int[SIZE];
    final boolean[] ioc = new boolean[SIZE];
    final int[] account = new int[SIZE];

    SeededOrderFlow(int accounts) {
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int i = 0; i < SIZE; i++) {
            buy[i] = rnd.nextBoolean();
            priceSteps[i] = rnd.nextInt(21) - 10;
            lots[i] = 1 + rnd.nextInt(20);
            ioc[i] = rnd.nextInt(10) == 0;
            account[i] = rnd.nextInt(accounts);
        }
    }
}
