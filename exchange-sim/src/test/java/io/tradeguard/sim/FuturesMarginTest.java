package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The margin model on worked examples (binance-api.md §6.8), read back over REST. Brackets: BTCUSDT and
 * ETHUSDT bracket 1 = MMR 0.4 %, cum 0 (notional < 50,000); BTCUSDT bracket 2 = MMR 0.5 %, cum 50.
 */
class FuturesMarginTest extends FuturesFixture {

    @Test
    void isolatedLong_1BTC_at10000_10x() {
        SimClient c = futures("5000");
        price("BTCUSDT", "10000", null);
        seed(c, "BTCUSDT", "1", "10000", 10, "isolated", "1000");
        JsonNode p = position(c, "BTCUSDT");
        // LP = (WB + cum − side·q·EP) / (q·MMR − side·q) = (1000 − 10000) / (0.004 − 1) = 9036.144578…
        assertThat(p.path("liquidationPrice").asText()).isEqualTo("9036.14457831");
        assertThat(p.path("isolatedWallet").asText()).isEqualTo("1000.00000000");
        assertThat(p.path("marginType").asText()).isEqualTo("isolated");
        assertThat(p.path("leverage").asText()).isEqualTo("10");

        price("BTCUSDT", "9500", null);
        p = position(c, "BTCUSDT");
        // uPnL = 1 × (9500 − 10000)
        assertThat(p.path("unRealizedProfit").asText()).isEqualTo("-500.00000000");
        assertThat(p.path("notional").asText()).isEqualTo("9500.00000000");
        assertThat(p.path("isolatedMargin").asText()).isEqualTo("500.00000000");
        JsonNode s = statePosition(c, "BTCUSDT");
        // IM = 1 × 9500 / 10; MM = 9500 × 0.4 % − 0; ROE = −500 / 950
        assertThat(s.path("initial_margin").asText()).isEqualTo("950.00000000");
        assertThat(s.path("maint_margin").asText()).isEqualTo("38.00000000");
        assertThat(s.path("roe").asText()).isEqualTo("-0.52631579");
        assertThat(wallet(c)).isEqualTo("5000.00000000");
    }

    @Test
    void isolatedShort_1BTC_at10000_10x() {
        SimClient c = futures("5000");
        price("BTCUSDT", "10000", null);
        seed(c, "BTCUSDT", "-1", "10000", 10, "isolated", "1000");
        // LP = (1000 + 10000) / (0.004 + 1) = 10956.175298…
        assertThat(position(c, "BTCUSDT").path("liquidationPrice").asText()).isEqualTo("10956.17529880");
        price("BTCUSDT", "10500", null);
        JsonNode s = statePosition(c, "BTCUSDT");
        // uPnL = −1 × (10500 − 10000); ROE = −500 / (10500 / 10)
        assertThat(s.path("unrealized_pnl").asText()).isEqualTo("-500.00000000");
        assertThat(s.path("roe").asText()).isEqualTo("-0.47619048");
        assertThat(s.path("initial_margin").asText()).isEqualTo("1050.00000000");
    }

    @Test
    void crossLongWithAnotherPositionInTheSameWallet() {
        SimClient c = futures("5000");
        price("BTCUSDT", "10000", null);
        price("ETHUSDT", "1900", null);
        seed(c, "BTCUSDT", "1", "10000", 10, "cross", "0");
        seed(c, "ETHUSDT", "-10", "2000", 10, "cross", "0");
        // ETH: uPnL = −10 × (1900 − 2000) = +1000, MM = 19000 × 0.4 % = 76.
        // BTC LP = (WB − TMM1 + UPNL1 + cum − side·q·EP) / (q·MMR − side·q) = (5000 − 76 + 1000 − 10000) / (0.004 − 1)
        assertThat(position(c, "BTCUSDT").path("liquidationPrice").asText()).isEqualTo("4092.36947791");
        // ETH LP = (5000 − 40 + 0 + 20000) / (0.04 + 10), BTC MM = 10000 × 0.4 % = 40
        assertThat(position(c, "ETHUSDT").path("liquidationPrice").asText()).isEqualTo("2486.05577689");
        JsonNode acct = c.signed("GET", "/fapi/v3/account").body();
        assertThat(acct.path("totalUnrealizedProfit").asText()).isEqualTo("1000.00000000");
        assertThat(acct.path("totalMaintMargin").asText()).isEqualTo("116.00000000");
        // IM = 10000 / 10 + 19000 / 10
        assertThat(acct.path("totalPositionInitialMargin").asText()).isEqualTo("2900.00000000");
        assertThat(acct.path("totalMarginBalance").asText()).isEqualTo("6000.00000000");
        // available = cross wallet + cross uPnL − IM = 5000 + 1000 − 2900
        assertThat(acct.path("availableBalance").asText()).isEqualTo("3100.00000000");
        assertThat(c.signed("GET", "/fapi/v3/positionRisk").body()).hasSize(2);
    }

    @Test
    void crossShortInTheSecondBracket() {
        SimClient c = futures("20000");
        price("BTCUSDT", "10000", null);
        seed(c, "BTCUSDT", "-10", "10000", 20, "cross", "0");
        // notional 100,000 → bracket 2 (MMR 0.5 %, cum 50): LP = (20000 + 50 + 100000) / (0.05 + 10) = 11945.273631…
        assertThat(position(c, "BTCUSDT").path("liquidationPrice").asText()).isEqualTo("11945.27363184");
        JsonNode v3 = c.signed("GET", "/fapi/v3/positionRisk", "symbol", "BTCUSDT").body().get(0);
        assertThat(v3.path("positionInitialMargin").asText()).isEqualTo("5000.00000000");
        // MM = 100000 × 0.5 % − 50
        assertThat(v3.path("maintMargin").asText()).isEqualTo("450.00000000");
        assertThat(v3.path("notional").asText()).isEqualTo("-100000.00000000");
    }

    @Test
    void replacedBracketsChangeTheMaintenanceMargin() {
        SimClient c = futures("5000");
        price("BTCUSDT", "10000", null);
        seed(c, "BTCUSDT", "1", "10000", 10, "isolated", "1000");
        String table = "[{\"symbol\":\"%s\",\"brackets\":[{\"bracket\":1,\"initialLeverage\":50,\"notionalCap\":100000,\"notionalFloor\":0,"
                + "\"maintMarginRatio\":0.01,\"cum\":0},{\"bracket\":2,\"initialLeverage\":10,\"notionalCap\":1000000,\"notionalFloor\":100000,"
                + "\"maintMarginRatio\":0.05,\"cum\":%s}]}]";
        StringBuilder all = new StringBuilder("[");
        for (String s : List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT")) {
            String one = String.format(table, s, "4000");
            all.append(all.length() > 1 ? "," : "").append(one, 1, one.length() - 1);
        }
        assertThat(admin("/sim/v1/brackets", all + "]").status()).isEqualTo(200);
        // LP = (1000 − 10000) / (0.01 − 1) = 9090.909090…
        assertThat(position(c, "BTCUSDT").path("liquidationPrice").asText()).isEqualTo("9090.90909091");
        JsonNode served = c.signed("GET", "/fapi/v1/leverageBracket", "symbol", "BTCUSDT").body().get(0).path("brackets").get(0);
        assertThat(served.path("maintMarginRatio").decimalValue()).isEqualByComparingTo("0.01");
        // a cum that contradicts floor × ΔMMR + cum is refused and the table stays
        String bad = String.format(table, "BTCUSDT", "3999");
        SimClient.Response r = admin("/sim/v1/brackets", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").asText()).contains("cum of bracket 2");
    }
}
