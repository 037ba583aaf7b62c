package io.tradeguard.app.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A child JVM running {@link EngineProcessMain} on the test class path. Lines it prints with the
 * protocol prefix are collected; {@link #close()} kills it whatever happened, so no test leaves a process
 * behind.
 */
final class EngineProcess implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(30);
    /** Exit status of a process killed by SIGKILL, as {@link Process#exitValue()} reports it on Linux. */
    static final int KILLED_BY_SIGKILL = 128 + 9;

    private final Process process;
    private final Path log;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Writer stdin;

    private EngineProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofVirtual().name("engine-process-stdout").start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(EngineProcessMain.PREFIX)) {
                        lines.add(line.substring(EngineProcessMain.PREFIX.length()));
                    }
                }
            } catch (IOException ignored) {
                // the process died: what it said so far stays in lines
            }
        });
    }

    /** Starts the engine process and waits until it has started (journal replayed, reconciled). */
    static EngineProcess start(Path workDir, String name, List<String> args) throws IOException {
        Path log = workDir.resolve(name + ".stderr.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                EngineProcessMain.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectError(log.toFile())
                .start();
        EngineProcess engine = new EngineProcess(process, log);
        try {
            engine.awaitLine("the engine process to start", l -> l.equals("READY"));
        } catch (RuntimeException | AssertionError e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /** Sends one command and returns the next answer line that matches. */
    String ask(String command, Predicate<String> answer) {
        int from = lines.size();
        try {
            stdin.write(command + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the engine process does not listen any more" + diagnostics(), e);
        }
        return awaitLine("an answer to " + command, answer, from);
    }

    String awaitLine(String what, Predicate<String> match) {
        return awaitLine(what, match, 0);
    }

    private String awaitLine(String what, Predicate<String> match, int from) {
        try {
            await(what).atMost(DEADLINE).pollInterval(Duration.ofMillis(20))
                    .until(() -> find(match, from) != null || !process.isAlive());
        } catch (RuntimeException e) {
            throw new AssertionError("waited for " + what + diagnostics(), e);
        }
        String line = find(match, from);
        if (line == null) {
            // the process died before it said it; perhaps it said it just before dying
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            line = find(match, from);
        }
        if (line == null) {
            throw new AssertionError("the engine process ended before " + what + diagnostics());
        }
        return line;
    }

    private String find(Predicate<String> match, int from) {
        List<String> copy = List.copyOf(lines);
        for (int i = from; i < copy.size(); i++) {
            if (match.test(copy.get(i))) {
                return copy.get(i);
            }
        }
        return null;
    }

    long count(Predicate<String> match) {
        return lines.stream().filter(match).count();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** SIGKILL (destroyForcibly on Linux): no shutdown hook, no flush, no goodbye. Returns the exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the engine process survived SIGKILL");
        }
        return process.exitValue();
    }

    /** Asks the engine to stop (open orders stay on the exchange) and waits for the process to end. */
    int stop() throws InterruptedException {
        ask("STOP", l -> l.equals("STOPPED"));
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            throw new AssertionError("the engine process did not end after STOP" + diagnostics());
        }
        return process.exitValue();
    }

    String diagnostics() {
        String err;
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
            err = all.subList(Math.max(0, all.size() - 40), all.size()).stream().collect(Collectors.joining("\n  "));
        } catch (IOException e) {
            err = "(stderr unreadable: " + e + ")";
        }
        return "\n protocol lines:\n  " + String.join("\n  ", lines) + "\n stderr (tail):\n  " + err;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
