package io.tradeguard.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads request bodies: JSON only (415 otherwise), at most {@code maxBytes} (413, counted while reading
 * so a chunked body without Content-Length cannot get around it), well-formed (400).
 */
public final class RequestBodies {
    private final ObjectMapper mapper;
    private final int maxBytes;

    public RequestBodies(ObjectMapper mapper, int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /** The body as a JSON object's fields; a missing body reads as {@code {}}. */
    public JsonFields fields(Context ctx) {
        return JsonFields.of(json(ctx));
    }

    public JsonNode json(Context ctx) {
        byte[] body = bytes(ctx);
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        requireJson(ctx);
        try {
            JsonNode node = mapper.readTree(body);
            return node == null ? mapper.createObjectNode() : node;
        } catch (StreamConstraintsException e) {
            throw ApiException.of(400, "malformed_json", "the JSON body is nested too deeply or has a number or string that is too long");
        } catch (JsonProcessingException e) {
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            if (original.startsWith("Duplicate field")) {
                throw ApiException.of(400, "malformed_json", "the JSON body names a field twice" + where);
            }
            throw ApiException.of(400, "malformed_json", "the request body is not valid JSON" + where);
        } catch (IOException e) {
            throw ApiException.of(400, "malformed_json", "the request body could not be read");
        }
    }

    private void requireJson(Context ctx) {
        String type = ctx.contentType();
        String base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!base.equals("application/json")) {
            throw ApiException.of(415, "unsupported_media_type",
                    "send the body as application/json" + (type == null ? "" : ", not " + sanitize(base)));
        }
    }

    private byte[] bytes(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ApiException.of(400, "unreadable_body", "the request body could not be read");
        }
    }

    private ApiException tooLarge() {
        return ApiException.of(413, "payload_too_large", "the request body is larger than " + maxBytes + " bytes");
    }

    private static String sanitize(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
