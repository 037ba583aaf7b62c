package io.tradeguard.app.signals;

import io.tradeguard.app.signals.SignalFileParser.InvalidSignalFile;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.signal.Signal;
import io.tradeguard.core.signal.SignalDirection;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SignalFileParserTest {

    static final String FULL = """
            {"id":"adv-42","symbol":"btcusdt","market":"futures","direction":"long","confidence":0.85,
             "entry":50000.10,"stop_loss":49000,"take_profit":52500.5,"leverage":5,"size_usd":150.25,
             "strategy":"breakout","source":"gpt-advisor","time":"2026-03-02T09:59:30Z"}
            """;
    private static final Instant FILE_TIME = Instant.parse("2026-03-02T09:59:45Z");
    private final SignalFileParser parser = new SignalFileParser();

    private Signal parse(String json) throws InvalidSignalFile {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), "bridge", FILE_TIME);
    }

    private InvalidSignalFile failure(String json) {
        return catchThrowableOfType(InvalidSignalFile.class, () -> parse(json));
    }

    @Test
    void everyFieldIsReadExactly() throws Exception {
        Signal s = parse(FULL);
        assertThat(s.id().value()).isEqualTo("adv-42");
        assertThat(s.symbol()).isEqualTo(Symbol.of("BTCUSDT"));
        assertThat(s.market()).isEqualTo(Market.FUTURES);
        assertThat(s.direction()).isEqualTo(SignalDirection.LONG);
        assertThat(s.confidence()).isEqualTo("0.85");
        assertThat(s.entry()).isEqualTo("50000.10");   // scale kept: never went through double
        assertThat(s.takeProfit()).isEqualTo("52500.5");
        assertThat(s.stopLoss()).isEqualTo("49000");
        assertThat(s.leverage()).isEqualTo(5);
        assertThat(s.sizeUsd()).isEqualTo("150.25");
        assertThat(s.strategy()).isEqualTo("breakout");
        assertThat(s.source()).isEqualTo("gpt-advisor");
        assertThat(s.time()).isEqualTo(Instant.parse("2026-03-02T09:59:30Z"));
    }

    @Test
    void optionalFieldsTakeTheirDefaults() throws Exception {
        Signal s = parse("""
                {"id":"a","symbol":"ETHUSDT","market":"spot","direction":"CLOSE","confidence":1}""");
        assertThat(s.source()).isEqualTo("bridge");
        assertThat(s.strategy()).isEqualTo("unnamed");
        assertThat(s.time()).isEqualTo(FILE_TIME);
        assertThat(s.entry()).isNull();
    }

    @Test
    void eachFieldErrorNamesTheField() {
        assertThat(failure(FULL.replace("\"leverage\":5", "\"levrage\":5")).getMessage())
                .startsWith("unknown field 'levrage'; known fields: id, symbol, market");
        assertThat(failure(FULL.replace("0.85", "\"0.85\"")).getMessage())
                .isEqualTo("field 'confidence': expected a JSON number, like 0.85 or 50000.5");
        assertThat(failure(FULL.replace("\"leverage\":5", "\"leverage\":5.5")).getMessage())
                .isEqualTo("field 'leverage': expected a whole JSON number, like 10");
        assertThat(failure(FULL.replace("\"id\":\"adv-42\",", "")).getMessage())
                .isEqualTo("field 'id' is missing");
        assertThat(failure(FULL.replace("\"market\":\"futures\",", "")).getMessage())
                .isEqualTo("field 'market' is missing");
        assertThat(failure(FULL.replace("btcusdt", "BTC/USDT")).getMessage())
                .isEqualTo("field 'symbol': invalid symbol 'BTC/USDT': 2-20 upper-case letters or digits, like BTCUSDT");
        assertThat(failure(FULL.replace("2026-03-02T09:59:30Z", "yesterday")).getMessage())
                .isEqualTo("field 'time': expected an ISO-8601 UTC time like 2026-03-02T10:00:00Z, got 'yesterday'");
        assertThat(failure(FULL.replace("\"stop_loss\":49000", "\"stop_loss\":50001")).getMessage())
                .isEqualTo("a LONG signal needs its stop_loss below its entry: stop_loss 50001, entry 50000.10");
        assertThat(failure(FULL.replace("\"confidence\":0.85", "\"confidence\":1.5")).getMessage())
                .isEqualTo("confidence must be from 0 to 1, was 1.5");
    }

    @Test
    void malformedJsonIsRefusedAndOnlyATruncatedDocumentCountsAsIncomplete() {
        InvalidSignalFile truncated = failure(FULL.substring(0, FULL.indexOf("\"leverage\"") + 4));
        assertThat(truncated.incomplete()).isTrue();
        assertThat(truncated.getMessage()).startsWith("the JSON ends before the document does");

        assertThat(failure("").incomplete()).isTrue();

        InvalidSignalFile garbage = failure("{\"id\": nope}");
        assertThat(garbage.incomplete()).isFalse();
        assertThat(garbage.getMessage()).startsWith("not valid JSON at line 1, column");

        assertThat(failure(FULL + "{}").incomplete()).isFalse();
        assertThat(failure("[1,2]").getMessage()).isEqualTo("a signal must be one JSON object");
        assertThat(failure("{\"id\":\"a\",\"id\":\"b\"}").getMessage()).contains("Duplicate field 'id'");
    }
}
