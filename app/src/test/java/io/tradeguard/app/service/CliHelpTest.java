package io.tradeguard.app.service;

import io.tradeguard.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --help} of every command of tradeguard.jar: exit 0 and the options a person needs, each described. */
class CliHelpTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "run            | --config,--port,--data-dir,--venue,--sim-port,--sim-admin-token,--mode",
            "status         | --url,--user",
            "positions      | --url,--user",
            "order          | --url,--user,--price,--client-order-id,SIDE,SYMBOL,QUANTITY",
            "cancel         | --url,--user,--client-order-id,ORDER_ID",
            "emergency-stop | --url,--user,--reason"})
    void every_command_explains_its_options(String command, String options) {
        String help = help(command, "--help");
        assertThat(help).startsWith("Usage: tradeguard " + command);
        for (String option : options.split(",")) {
            assertThat(help).contains(option);
        }
        // every option has a description: after its name, or on the next line when the name is long
        java.util.List<String> lines = help.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("-") && line.split("\\s{2,}", 2).length < 2) {
                assertThat(i + 1 < lines.size() ? lines.get(i + 1).strip() : "").as(line).isNotEmpty().doesNotStartWith("-");
            }
        }
    }

    @Test
    void the_top_level_help_lists_every_command() {
        String help = help("--help");
        assertThat(help).contains("run", "sim", "status", "positions", "order", "cancel", "emergency-stop");
    }

    @Test
    void sim_help_is_the_simulators_own() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new Main()).execute("sim", "--help");
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--port", "--admin-token");
    }

    private static String help(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute(args)).isZero();
        return out.toString();
    }
}
