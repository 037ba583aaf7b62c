package io.tradeguard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH's JSON output into the flat metric file of bench/run: one number per metric, named in
 * snake_case after the benchmark (class_method[_param]_unit), plus every percentile JMH recorded for
 * sample-time benchmarks. A benchmark may also name its metric explicitly through the ALIASES table.
 */
public final class ResultsReport {

    private ResultsReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ResultsReport <jmh-result.json> <results.json> <results.md>");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode runs = json.readTree(Path.of(args[0]).toFile());
        Map<String, Double> metrics = new TreeMap<>();
        for (JsonNode run : runs) {
            String name = metricBase(run);
            String unit = run.path("primaryMetric").path("scoreUnit").asText();
            metrics.put(name + "_" + unitSuffix(unit), run.path("primaryMetric").path("score").asDouble());
            JsonNode percentiles = run.path("primaryMetric").path("scorePercentiles");
            if ("sample".equals(run.path("mode").asText()) && percentiles.isObject()) {
                for (String p : new String[] {"50.0", "99.0", "99.9"}) {
                    if (percentiles.has(p)) {
                        metrics.put(name + "_p" + p.replace(".0", "").replace(".", "") + "_" + unitSuffix(unit),
                                percentiles.get(p).asDouble());
                    }
                }
            }
        }
        ObjectNode out = json.createObjectNode();
        metrics.forEach(out::put);
        json.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[1]).toFile(), out);
        Files.writeString(Path.of(args[2]), markdown(metrics));
    }

    private static String metricBase(JsonNode run) {
        String benchmark = run.path("benchmark").asText();
        String[] parts = benchmark.split("\\.");
        String base = snake(parts[parts.length - 2]) + "_" + snake(parts[parts.length - 1]);
        StringBuilder name = new StringBuilder(base);
        JsonNode params = run.path("params");
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            name.append('_').append(snake(p.getKey())).append('_').append(snake(p.getValue().asText()));
        }
        return name.toString();
    }

    private static String unitSuffix(String unit) {
        return switch (unit) {
            case "ops/s" -> "per_s";
            case "ops/ms" -> "per_ms";
            case "ops/us" -> "per_us";
            case "ns/op" -> "ns";
            case "us/op" -> "us";
            case "ms/op" -> "ms";
            case "s/op" -> "s";
            default -> snake(unit);
        };
    }

    static String snake(String text) {
        return text.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_")
                .toLowerCase(Locale.ROOT).replaceAll("^_|_$", "");
    }

    private static String markdown(Map<String, Double> metrics) {
        StringBuilder md = new StringBuilder();
        md.append("| metric | value |\n|---|---:|\n");
        metrics.forEach((k, v) -> md.append("| ").append(k).append(" | ")
                .append(String.format(Locale.ROOT, "%,.3f", v)).append(" |\n"));
        var os = ManagementFactory.getOperatingSystemMXBean();
        md.append("\nMachine: ").append(os.getAvailableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(System.getProperty("java.version")).append('\n');
        return md.toString();
    }
}
