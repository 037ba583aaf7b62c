package io.tradeguard.app.signals;

import io.tradeguard.core.signal.SeenSignals;
import io.tradeguard.core.signal.Signal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BridgeIntakeTest {

    private static final Duration SETTLE = Duration.ofMillis(150);
    private static final BridgeIntake.Settings FAST = new BridgeIntake.Settings(SETTLE, Duration.ofMillis(40),
            Duration.ofSeconds(3), 64 * 1024);

    @TempDir
    Path dataDir;
    private final List<Signal> taken = new CopyOnWriteArrayList<>();
    private BridgeIntake intake;

    private BridgeFolder folder() {
        return BridgeFolder.under(dataDir);
    }

    private BridgeIntake start(SignalSink sink) throws IOException {
        var store = new SeenSignalsFile(folder().seenIds());
        var seen = SeenSignals.restore(store.load(), 1000, Duration.ofDays(7), Instant.now());
        intake = new BridgeIntake(folder(), FAST, seen, store, sink, InstantSource.system()).start();
        return intake;
    }

    @AfterEach
    void stop() {
        if (intake != null) {
            intake.close();
        }
    }

    static String signalJson(String id) {
        return """
                {"id":"%s","symbol":"BTCUSDT","market":"futures","direction":"LONG","confidence":0.8,"strategy":"t"}
                """.formatted(id);
    }

    /** The way writers should deliver: write a temporary name, then rename. */
    private void drop(String name, String content) throws IOException {
        Path tmp = folder().inbox().resolve(name + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, folder().inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String reason(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name + ".reason.txt"));
    }

    @Test
    void aValidFileIsHandedToTheSinkAndMovedToProcessedWithItsReason() throws Exception {
        start(taken::add);
        drop("a.json", signalJson("sig-a"));

        await().atMost(Duration.ofSeconds(5)).until(() -> names(folder().processed()).contains("a.json"));
        assertThat(taken).extracting(s -> s.id().value()).containsExactly("sig-a");
        assertThat(names(folder().inbox())).isEmpty();
        assertThat(reason(folder().processed(), "a.json"))
                .startsWith("processed at ")
                .contains("taken as signal sig-a: LONG BTCUSDT futures, confidence 0.8");
        assertThat(Files.readString(folder().processed().resolve("a.json"))).isEqualTo(signalJson("sig-a"));
        assertThat(Files.readString(folder().seenIds())).startsWith("sig-a ");
    }

    @Test
    void aMalformedFileIsRejectedWithTheErrorAndNeverReachesTheSink() throws Exception {
        start(taken::add);
        drop("bad.json", signalJson("sig-b").replace("0.8", "\"high\""));

        await().atMost(Duration.ofSeconds(5)).until(() -> names(folder().rejected()).contains("bad.json"));
        assertThat(reason(folder().rejected(), "bad.json"))
                .startsWith("rejected at ")
                .contains("field 'confidence': expected a JSON number");
        assertThat(taken).isEmpty();
    }

    @Test
    void aSecondFileWithATakenIdIsRejectedAsDuplicate() throws Exception {
        start(taken::add);
        drop("first.json", signalJson("same"));
        await().atMost(Duration.ofSeconds(5)).until(() -> names(folder().processed()).contains("first.json"));
        drop("second.json", signalJson("same"));

        await().atMost(Duration.ofSeconds(5)).until(() -> names(folder().rejected()).contains("second.json"));
        assertThat(reason(folder().rejected(), "second.json")).contains("duplicate: signal id same was already taken");
        assertThat(taken).hasSize(1);
    }

    @Test
    void temporaryAndHiddenFilesAreLeftAloneUntilRenamed() throws Exception {
        start(taken::add);
        Files.writeString(folder().inbox().resolve("c.json.tmp"), signalJson("sig-c"));
        Files.writeString(folder().inbox().resolve(".d.json"), signalJson("sig-d"));
        drop("marker.json", signalJson("marker"));
        await().atMost(Duration.ofSeconds(5)).until(() -> taken.size() == 1);   // a full scan has passed them by
        assertThat(names(folder().inbox())).containsExactly(".d.json", "c.json.tmp");

        Files.move(folder().inbox().resolve("c.json.tmp"), folder().inbox().resolve("c.json"), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(Duration.ofSeconds(5)).until(() -> taken.size() == 2);
        assertThat(taken.get(1).id().value()).isEqualTo("sig-c");
    }

    @Test
    void aSlowDirectWriterIsNeverReadHalfDone() throws Exception {
        start(taken::add);
        byte[] content = signalJson("slow").getBytes(StandardCharsets.UTF_8);
        Path target = folder().inbox().resolve("slow.json");
        Thread writer = Thread.ofPlatform().start(() -> {
            try (OutputStream out = Files.newOutputStream(target)) {
                for (int i = 0; i < content.length; i += 8) {
                    out.write(content, i, Math.min(8, content.length - i));
                    out.flush();
                    // pauses shorter than the settle time, and one longer: a writer stalled mid-document
                    Thread.sleep(i == 48 ? SETTLE.toMillis() * 4 : 20);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> names(folder().processed()).contains("slow.json"));
        writer.join();
        assertThat(names(folder().rejected())).isEmpty();
        assertThat(taken).extracting(s -> s.id().value()).containsExactly("slow");
    }

    @Test
    void aTruncatedFileThatStopsGrowingIsRejectedAfterTheGracePeriod() throws Exception {
        start(taken::add);
        Files.writeString(folder().inbox().resolve("cut.json"), signalJson("cut").substring(0, 30));

        await().atMost(Duration.ofSeconds(10)).until(() -> names(folder().rejected()).contains("cut.json"));
        assertThat(reason(folder().rejected(), "cut.json")).contains("the JSON ends before the document does");
        assertThat(taken).isEmpty();
    }

    @Test
    void afterARestartEachFileLeftInTheInboxIsTakenOnceAndOldIdsStayDuplicates() throws Exception {
        start(taken::add);
        drop("before.json", signalJson("before"));
        await().atMost(Duration.ofSeconds(5)).until(() -> taken.size() == 1);
        intake.close();

        // while tradeguard is down, advisors keep writing
        Files.createDirectories(folder().inbox());
        drop("x1.json", signalJson("x1"));
        drop("x2.json", signalJson("x2"));
        drop("again.json", signalJson("before"));
        start(taken::add);

        await().atMost(Duration.ofSeconds(5)).until(() -> names(folder().inbox()).isEmpty());
        await().during(SETTLE.multipliedBy(3)).atMost(Duration.ofSeconds(5)).until(() -> taken.size() == 3);
        assertThat(taken).extracting(s -> s.id().value()).containsExactly("before", "x1", "x2");
        assertThat(names(folder().rejected())).containsExactly("again.json", "again.json.reason.txt");
        assertThat(reason(folder().rejected(), "again.json")).contains("duplicate");
    }

    @Test
    void aSignalTheSinkRefusesIsRejectedWithTheEnginesWords() throws Exception {
        start(signal -> {
            throw new IllegalStateException("engine queue full");
        });
        drop("e.json", signalJson("e"));
        await().atMost(Duration.ofSeconds(5)).until(() -> names(folder().rejected()).contains("e.json"));
        assertThat(reason(folder().rejected(), "e.json")).contains("the engine did not take the signal: engine queue full");
    }

    @Test
    void aReusedFileNameDoesNotOverwriteTheEarlierFile() throws Exception {
        start(taken::add);
        drop("n.json", signalJson("n1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> taken.size() == 1);
        drop("n.json", signalJson("n2"));
        await().atMost(Duration.ofSeconds(5)).until(() -> names(folder().processed()).contains("n.1.json"));
        assertThat(Files.readString(folder().processed().resolve("n.json"))).contains("n1");
        assertThat(Files.readString(folder().processed().resolve("n.1.json"))).contains("n2");
    }
}
