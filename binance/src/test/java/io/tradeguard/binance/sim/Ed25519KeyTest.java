package io.tradeguard.binance.sim;

import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.auth.Ed25519Signer;
import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.binance.spot.SpotUserDataStream;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static io.tradeguard.binance.sim.Orders.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ed25519 keys, Binance's recommended key type: signed REST and the user-data subscription. */
class Ed25519KeyTest {

    @Test
    void an_ed25519_account_trades_and_streams() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String publicPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try (SimHarness harness = new SimHarness()) {
            harness.sim.setPrice("BTCUSDT", new BigDecimal("60000"));
            String apiKey = harness.sim.createEd25519Account(publicPem, Map.of("USDT", new BigDecimal("10000")));
            RecordingListener listener = new RecordingListener();
            try (BinanceSpotVenue venue = BinanceSpotVenue.connect(harness.config()
                    .withCredentials(new ApiCredentials(apiKey, new Ed25519Signer(keys.getPrivate()))));
                 SpotUserDataStream ignored = venue.subscribeUserData(listener)) {
                var order = Orders.limit(BTC, Side.BUY, "0.01", "50000");
                assertThat(venue.submit(order)).isInstanceOf(SubmitResult.Accepted.class);
                assertThat(venue.balances()).isNotEmpty();
                await().atMost(Duration.ofSeconds(5)).until(() -> listener.has(VenueEvent.OrderUpdated.class,
                        e -> e.update().clientOrderId().equals(order.clientOrderId()) && e.update().executionType() == ExecutionType.NEW));
            }
        }
    }
}
