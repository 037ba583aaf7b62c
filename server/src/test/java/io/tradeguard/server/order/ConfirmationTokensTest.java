package io.tradeguard.server.order;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.server.auth.Username;
import io.tradeguard.server.http.Json;
import io.tradeguard.server.http.JsonFields;
import io.tradeguard.server.support.ManualClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConfirmationTokensTest {
    final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
    final ConfirmationTokens tokens = new ConfirmationTokens(new byte[32], clock, Duration.ofSeconds(60));
    final Username alice = Username.of("alice");

    static OrderIntent limit(String quantity) {
        return new OrderIntent(OrderKind.LIMIT, Market.SPOT, Symbol.of("BTCUSDT"), Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal(quantity), null, new BigDecimal("50000"), null, null, null, null, null, null, false, null,
                null, null, true);
    }

    @Test
    void a_token_is_good_once_for_its_user_and_order_until_it_expires() {
        String token = tokens.issue(alice, limit("0.01")).token();
        assertThat(tokens.redeem(token, Username.of("bob"), limit("0.01"))).isInstanceOf(ConfirmationTokens.Redemption.WrongUser.class);
        assertThat(tokens.redeem(token, alice, limit("0.02"))).isInstanceOf(ConfirmationTokens.Redemption.OrderChanged.class);
        assertThat(tokens.redeem(token, alice, limit("0.0100"))).isInstanceOf(ConfirmationTokens.Redemption.Accepted.class);
        assertThat(tokens.redeem(token, alice, limit("0.01"))).isInstanceOf(ConfirmationTokens.Redemption.AlreadyUsed.class);

        String late = tokens.issue(alice, limit("0.01")).token();
        clock.advance(Duration.ofSeconds(59));
        String stillGood = tokens.issue(alice, limit("0.01")).token();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.redeem(late, alice, limit("0.01"))).isInstanceOf(ConfirmationTokens.Redemption.Expired.class);
        assertThat(tokens.redeem(stillGood, alice, limit("0.01"))).isInstanceOf(ConfirmationTokens.Redemption.Accepted.class);
    }

    @Test
    void a_token_altered_in_its_last_character_is_invalid_even_where_base64_would_decode_it_the_same() {
        // a 32-byte signature is 43 base64 characters; the last one carries 4 data bits and 2 unused ones, so for
        // every token some other last characters decode to the very same bytes: all of them must be refused
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < 20; i++) {
            String token = tokens.issue(alice, limit("0.01")).token();
            char last = token.charAt(token.length() - 1);
            for (char other : alphabet.toCharArray()) {
                if (other != last) {
                    String altered = token.substring(0, token.length() - 1) + other;
                    assertThat(tokens.redeem(altered, alice, limit("0.01"))).as(altered)
                            .isInstanceOf(ConfirmationTokens.Redemption.Invalid.class);
                }
            }
            assertThat(tokens.redeem(token, alice, limit("0.01"))).isInstanceOf(ConfirmationTokens.Redemption.Accepted.class);
            clock.advance(Duration.ofMillis(1)); // another token next round
        }
    }

    @Test
    void a_token_signed_with_another_key_is_invalid() {
        ConfirmationTokens other = new ConfirmationTokens(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, clock, Duration.ofSeconds(60));
        String foreign = other.issue(alice, limit("0.01")).token();
        assertThat(tokens.redeem(foreign, alice, limit("0.01"))).isInstanceOf(ConfirmationTokens.Redemption.Invalid.class);
    }

    @Test
    void an_order_written_for_a_preview_parses_back_to_the_same_order() {
        for (String body : new String[]{
                "{\"order_type\":\"limit\",\"symbol\":\"ethusdt\",\"side\":\"sell\",\"quantity\":1.50,\"price\":3000,\"take_profit\":2500,\"client_order_id\":\"a-1\"}",
                "{\"order_type\":\"market\",\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quote_quantity\":\"100\",\"protection\":false}",
                "{\"order_type\":\"oco\",\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":1,\"price\":110,\"stop_price\":100,\"stop_limit_price\":99}",
                "{\"order_type\":\"trailing-stop\",\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":1,\"market\":\"futures\",\"callback_rate\":1.2,\"activation_price\":105,\"leverage\":5,\"reduce_only\":true}",
                "{\"order_type\":\"take-profit\",\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":1,\"stop_price\":120,\"price\":119,\"time_in_force\":\"IOC\"}"}) {
            OrderIntent first = parse(body);
            OrderIntent again = parse(OrderJson.write(first).toString());
            assertThat(again).isEqualTo(first);
            assertThat(again.canonical()).isEqualTo(first.canonical());
        }
    }

    private static OrderIntent parse(String body) {
        try {
            return OrderRequestParser.parse(Optional.empty(), JsonFields.of(Json.mapper().readTree(body))).intent();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
