package io.tradeguard.binance.spot;

/** Reaches the package-private venue-side unsubscribe from tests in other packages. */
public final class StreamAccess {
    private StreamAccess() {
    }

    public static void unsubscribeAtVenue(SpotUserDataStream stream) {
        stream.unsubscribeAtVenue();
    }
}
