package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A futures user stream is live the moment the client sees the socket open: an account event pushed right then
 * (here from the client's own onOpen, in-process, before anything else can happen) reaches it. The simulator used
 * to register the session a moment after the handshake, so such an event reached nobody.
 */
class UserStreamHandshakeTest extends FuturesFixture {

    @Test
    void an_event_pushed_as_soon_as_the_socket_opens_is_delivered() {
        SimClient c = futures("100000");
        HttpClient http = HttpClient.newHttpClient();
        for (int round = 0; round < 10; round++) {
            price("BTCUSDT", "60000", null);
            JsonNode bid = c.signed("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                    "timeInForce", "GTC", "quantity", "0.002", "price", "59000").body();
            long orderId = bid.path("orderId").asLong();
            String key = c.raw("POST", "/fapi/v1/listenKey", "", "", c.account.apiKey()).body().path("listenKey").asText();
            List<JsonNode> received = new CopyOnWriteArrayList<>();
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(sim.wsBaseUrl() + "/private/ws/" + key),
                    new WebSocket.Listener() {
                        @Override
                        public void onOpen(WebSocket socket) {
                            // the market trades through the bid the instant the client has the socket: the fill's
                            // ORDER_TRADE_UPDATE is pushed before the client could have asked for anything
                            sim.setFuturesPrice("BTCUSDT", new BigDecimal("58990"), null);
                            socket.request(1);
                        }

                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            try {
                                received.add(SimClient.JSON.readTree(data.toString()));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            socket.request(1);
                            return null;
                        }
                    }).join();
            try {
                int r = round;
                await("round " + r + ": the fill of order " + orderId).atMost(5, TimeUnit.SECONDS).until(() -> received.stream()
                        .anyMatch(m -> m.path("e").asText().equals("ORDER_TRADE_UPDATE") && m.path("o").path("i").asLong() == orderId
                                && m.path("o").path("X").asText().equals("FILLED")));
            } finally {
                ws.abort();
            }
        }
    }
}
