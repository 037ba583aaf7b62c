package io.tradeguard.server.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeguard.server.http.Access;
import io.tradeguard.server.http.Route;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAPI 3.1 document written from the route table the server serves, so it lists exactly the
 * routes that exist, each with the role it needs ({@code x-required-role}).
 */
public final class OpenApiDocument {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");

    private OpenApiDocument() {
    }

    public static ObjectNode of(ObjectMapper mapper, List<Route> routes, String version, String wsPath) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "tradeguard API");
        info.put("version", version);
        info.put("description", "JSON in snake_case; decimals are JSON numbers; errors are application/problem+json. "
                + "WebSocket feed at " + wsPath + " (token as Authorization header or access_token query parameter).");
        ObjectNode paths = doc.putObject("paths");
        for (Route route : routes) {
            ObjectNode item = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            ObjectNode op = item.putObject(route.method().name().toLowerCase(Locale.ROOT));
            op.put("summary", route.summary());
            op.put("operationId", route.method().name().toLowerCase(Locale.ROOT) + route.path().replaceAll("[^A-Za-z0-9]+", "_"));
            ArrayNode parameters = mapper.createArrayNode();
            Matcher m = PATH_PARAM.matcher(route.path());
            while (m.find()) {
                ObjectNode p = parameters.addObject();
                p.put("name", m.group(1));
                p.put("in", "path");
                p.put("required", true);
                p.putObject("schema").put("type", "string");
            }
            if (!parameters.isEmpty()) {
                op.set("parameters", parameters);
            }
            if (route.access() == Access.PUBLIC) {
                op.putArray("security");
            } else {
                op.putArray("security").addObject().putArray("bearer");
                op.put("x-required-role", route.access().requiredRole().orElseThrow().wireName());
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject("200").put("description", "OK");
            responses.putObject("default").put("description", "A problem")
                    .putObject("content").putObject("application/problem+json")
                    .putObject("schema").put("$ref", "#/components/schemas/Problem");
        }
        ObjectNode components = doc.putObject("components");
        components.putObject("securitySchemes").putObject("bearer")
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        ObjectNode problem = components.putObject("schemas").putObject("Problem");
        problem.put("type", "object");
        ObjectNode props = problem.putObject("properties");
        for (String name : List.of("type", "title", "detail", "code")) {
            props.putObject(name).put("type", "string");
        }
        props.putObject("status").put("type", "integer");
        props.putObject("errors").put("type", "array");
        props.putObject("violations").put("type", "array");
        return doc;
    }
}
