package io.tradeguard.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.server.api.OrderOrigin;
import io.tradeguard.server.api.SignalDecision;
import io.tradeguard.server.api.TradingMode;
import io.tradeguard.server.auth.Role;
import io.tradeguard.server.auth.Username;
import io.tradeguard.server.order.OrderIntent;
import io.tradeguard.server.order.OrderJson;

import java.io.IOException;
import java.util.Locale;

/**
 * The one JSON configuration of the API: snake_case names, decimals read as {@code BigDecimal} and written
 * as plain JSON numbers (never through {@code double}), duplicate keys and trailing garbage refused.
 */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(vocabulary())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // {"quantity":1,"quantity":1000} must not smuggle a second value past a reviewer
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        // an order is flat; deep nesting or a 1000-digit number is an attack, not an order
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxNumberLength(64).maxStringLength(64 * 1024).build());
        return mapper;
    }

    /** Core value types as their wire strings ({@code "BTCUSDT"}, {@code "spot"}), not as objects. */
    private static SimpleModule vocabulary() {
        SimpleModule module = new SimpleModule("tradeguard-vocabulary");
        module.addSerializer(Symbol.class, ToStringSerializer.instance);
        module.addSerializer(Asset.class, ToStringSerializer.instance);
        module.addSerializer(ClientOrderId.class, ToStringSerializer.instance);
        module.addSerializer(Username.class, ToStringSerializer.instance);
        module.addSerializer(Market.class, lowerCase(Market.class));
        module.addSerializer(OrderOrigin.class, lowerCase(OrderOrigin.class));
        module.addSerializer(TradingMode.class, lowerCase(TradingMode.class));
        module.addSerializer(Role.class, lowerCase(Role.class));
        module.addSerializer(SignalDecision.Decision.class, lowerCase(SignalDecision.Decision.class));
        module.addSerializer(OrderIntent.class, new StdSerializer<>(OrderIntent.class) {
            @Override
            public void serialize(OrderIntent value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeTree(OrderJson.write(value));
            }
        });
        return module;
    }

    private static <E extends Enum<E>> StdSerializer<E> lowerCase(Class<E> type) {
        return new StdSerializer<>(type) {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.name().toLowerCase(Locale.ROOT));
            }
        };
    }
}
