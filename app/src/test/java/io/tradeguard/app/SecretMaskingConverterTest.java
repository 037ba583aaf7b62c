package io.tradeguard.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskingConverterTest {

    @Test
    void masksSignaturesKeysAndSecretsInEveryCommonShape() {
        String line = "POST /api/v3/order symbol=BTCUSDT&timestamp=1&signature=c8db56825ae71d6d7944 "
                + "X-MBX-APIKEY: vmPUZE6mv9SD5VNH {\"secret_key\":\"NhqPtmdSJYdKjVHj\"} apiSecret=abc "
                + "password=hunter2 Authorization: Bearer eyJhbGciOi.x.y";
        String masked = SecretMaskingConverter.mask(line);
        assertThat(masked)
                .doesNotContain("c8db56825ae71d6d7944", "vmPUZE6mv9SD5VNH", "NhqPtmdSJYdKjVHj", "abc ", "hunter2", "eyJhbGciOi")
                .contains("symbol=BTCUSDT", "timestamp=1", "signature=***", "POST /api/v3/order");
    }

    @Test
    void leavesOrdinaryMessagesAlone() {
        String line = "order TG-1 filled 0.01 BTCUSDT at 50000.00";
        assertThat(SecretMaskingConverter.mask(line)).isSameAs(line);
    }
}
