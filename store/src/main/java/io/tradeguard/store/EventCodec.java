package io.tradeguard.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Symbol;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Domain events to JSON and back, exactly: decimals as strings in plain notation (1.50 stays 1.50),
 * times as ISO-8601, the small value types as their text. The event's type is its record's simple name,
 * stored beside the payload; the names come from the sealed interface, so a new event type is known
 * here without a registry to forget.
 */
final class EventCodec {
    private final ObjectMapper mapper;
    private final Map<String, Class<? extends DomainEvent>> types = new HashMap<>();

    EventCodec() {
        SimpleModule module = new SimpleModule("tradeguard-core");
        module.addSerializer(BigDecimal.class, text(BigDecimal::toPlainString));
        module.addDeserializer(BigDecimal.class, parse(BigDecimal.class, BigDecimal::new));
        module.addSerializer(Instant.class, text(Instant::toString));
        module.addDeserializer(Instant.class, parse(Instant.class, Instant::parse));
        module.addSerializer(LocalDate.class, text(LocalDate::toString));
        module.addDeserializer(LocalDate.class, parse(LocalDate.class, LocalDate::parse));
        module.addSerializer(Asset.class, text(Asset::code));
        module.addDeserializer(Asset.class, parse(Asset.class, Asset::of));
        module.addSerializer(Symbol.class, text(Symbol::value));
        module.addDeserializer(Symbol.class, parse(Symbol.class, Symbol::of));
        module.addSerializer(ClientOrderId.class, text(ClientOrderId::value));
        module.addDeserializer(ClientOrderId.class, parse(ClientOrderId.class, ClientOrderId::of));
        this.mapper = new ObjectMapper()
                .registerModule(module)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                // records are written by their components only, not by derived isWin()-style methods
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
        for (Class<?> type : DomainEvent.class.getPermittedSubclasses()) {
            types.put(type.getSimpleName(), type.asSubclass(DomainEvent.class));
        }
    }

    String typeOf(DomainEvent event) {
        return event.getClass().getSimpleName();
    }

    String encode(DomainEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + typeOf(event) + ": " + e.getOriginalMessage(), e);
        }
    }

    DomainEvent decode(String type, String json) throws IOException {
        Class<? extends DomainEvent> target = types.get(type);
        if (target == null) {
            throw new IOException("unknown event type '" + type + "' (written by a newer version?)");
        }
        return mapper.readValue(json, target);
    }

    private static <T> JsonSerializer<T> text(Function<T, String> format) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(format.apply(value));
            }
        };
    }

    private static <T> JsonDeserializer<T> parse(Class<T> type, Function<String, T> parser) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser in, DeserializationContext context) throws IOException {
                if (in.currentToken() != JsonToken.VALUE_STRING) {
                    return type.cast(context.handleUnexpectedToken(type, in));
                }
                try {
                    return parser.apply(in.getText());
                } catch (RuntimeException e) {
                    throw context.weirdStringException(in.getText(), type, e.getMessage());
                }
            }
        };
    }
}
