package io.tradeguard.server.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts the problem+json shape of an error answer. */
public final class Problems {
    private Problems() {
    }

    public static JsonNode assertProblem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as("status of %s", r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = TestServer.json(r);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("code").asText()).isEqualTo(code);
        assertThat(p.get("type").asText()).isEqualTo("urn:tradeguard:problem:" + code);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.tradeguard");
        return p;
    }

    /** A 400 whose errors name the field. */
    public static JsonNode assertFieldError(HttpResponse<String> r, String field) {
        JsonNode p = assertProblem(r, 400, "invalid_request");
        boolean named = false;
        for (JsonNode e : p.get("errors")) {
            named |= e.get("field").asText().equals(field);
        }
        assertThat(named).as("errors name %s: %s", field, r.body()).isTrue();
        return p;
    }
}
