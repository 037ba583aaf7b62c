package io.tradeguard.sim.engine;

/**
 * Funds an order (or both legs of an OCO) holds locked. Spending and releasing go through it, so the
 * account's locked balance always equals the sum of its holders.
 */
final class LockHolder {
    final int asset;
    long remaining;
    /** Orders still working on this lock; the rest is released when the last one is done. */
    int users;

    LockHolder(int asset, long amount, int users) {
        this.asset = asset;
        this.remaining = amount;
        this.users = users;
    }

    /** Takes up to {@code amount} from the lock; returns how much it covered. */
    long spend(Account acct, long amount) {
        long take = Math.min(amount, remaining);
        if (take > 0) {
            acct.spendLocked(asset, take);
            remaining -= take;
        }
        return take;
    }

    void release(Account acct, long amount) {
        long give = Math.min(amount, remaining);
        if (give > 0) {
            acct.unlock(asset, give);
            remaining -= give;
        }
    }

    /** One order of this lock is done; the last one gives back what is left. */
    void done(Account acct) {
        users--;
        if (users <= 0 && remaining > 0) {
            acct.unlock(asset, remaining);
            remaining = 0;
        }
    }
}
