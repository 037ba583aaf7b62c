package io.tradeguard.sim.api;

import io.tradeguard.sim.SimAccount;
import io.tradeguard.sim.SimConfig;
import io.tradeguard.sim.engine.Account;
import io.tradeguard.sim.engine.EngineEvent;
import io.tradeguard.sim.engine.EngineListener;
import io.tradeguard.sim.engine.MatchingEngine;
import io.tradeguard.sim.engine.SymbolSpec;
import io.tradeguard.sim.futures.Brackets;
import io.tradeguard.sim.futures.FuturesEngine;
import io.tradeguard.sim.futures.FuturesEvent;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The engine behind one lock, its clock (with the injected skew), the API keys, and the one thread that
 * delivers engine events to the streams in the order they happened.
 */
public final class Venue implements EngineListener, AutoCloseable {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]{1,128}");
    private static final char[] ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final ReentrantLock lock = new ReentrantLock();
    private final SimConfig config;
    private final MatchingEngine engine;
    private final Map<String, Credential> credentials = new ConcurrentHashMap<>();
    private final List<EngineListener> subscribers = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<FuturesEvent>> futuresSubscribers = new CopyOnWriteArrayList<>();
    /** Spot {@link EngineEvent}s and {@link FuturesEvent}s, in the one order they happened. */
    private final BlockingQueue<Object> outbox = new LinkedBlockingQueue<>();
    private final FuturesEngine futures;
    private final Thread dispatcher;
    private final SecureRandom random = new SecureRandom();
    public final Faults faults = new Faults();

    public Venue(SimConfig config) {
        this.config = config;
        this.engine = new MatchingEngine(config.symbols(), config.liquidity(), config.historyLimit(), this);
        Map<String, BigDecimal> initial = new java.util.HashMap<>();
        for (SymbolSpec s : config.symbols()) {
            initial.put(s.symbol(), s.initialPrice());
        }
        this.futures = new FuturesEngine(initial, config.liquidity(), Brackets.defaults(), config.clock().millis(), outbox::add);
        this.dispatcher = Thread.ofPlatform().daemon().name("sim-events").start(this::deliver);
    }

    public SimConfig config() {
        return config;
    }

    /** Server time in ms: the configured clock plus the injected skew. */
    public long now() {
        return config.clock().millis() + faults.clockSkewMillis();
    }

    /** Runs {@code work} on the engine under the lock; events it causes are queued in order. */
    public <T> T locked(Function<MatchingEngine, T> work) {
        lock.lock();
        try {
            return work.apply(engine);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} on the futures engine under the same lock as the spot engine. */
    public <T> T futures(Function<FuturesEngine, T> work) {
        lock.lock();
        try {
            return work.apply(futures);
        } finally {
            lock.unlock();
        }
    }

    public void subscribe(EngineListener listener) {
        subscribers.add(listener);
    }

    public void subscribeFutures(java.util.function.Consumer<FuturesEvent> listener) {
        futuresSubscribers.add(listener);
    }

    @Override
    public void on(EngineEvent event) {
        outbox.add(event);
    }

    private void deliver() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Object next = outbox.take();
                if (next instanceof EngineEvent e) {
                    for (EngineListener l : subscribers) {
                        try {
                            l.on(e);
                        } catch (RuntimeException ex) {
                            org.slf4j.LoggerFactory.getLogger(Venue.class).warn("event delivery failed: {}", ex.toString());
                        }
                    }
                } else if (next instanceof FuturesEvent f) {
                    for (java.util.function.Consumer<FuturesEvent> l : futuresSubscribers) {
                        try {
                            l.accept(f);
                        } catch (RuntimeException ex) {
                            org.slf4j.LoggerFactory.getLogger(Venue.class).warn("futures event delivery failed: {}", ex.toString());
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once every event queued so far has been delivered (tests and shutdown). */
    public boolean drained() {
        return outbox.isEmpty();
    }

    // ---- accounts --------------------------------------------------------------------------------

    public String randomKey(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHANUM[random.nextInt(ALPHANUM.length)];
        }
        return new String(out);
    }

    /** Creates an HMAC account; null key or secret are generated. */
    public SimAccount createAccount(String apiKey, String secretKey, Map<String, BigDecimal> balances) {
        return createAccount(apiKey, secretKey, balances, Map.of());
    }

    /** Creates an HMAC account with a spot and a USDⓈ-M futures wallet (futures: USDT only). */
    public SimAccount createAccount(String apiKey, String secretKey, Map<String, BigDecimal> balances,
                                    Map<String, BigDecimal> futuresBalances) {
        String key = apiKey == null ? randomKey(64) : apiKey;
        String secret = secretKey == null ? randomKey(64) : secretKey;
        register(key, new Credential.Hmac(secret), balances, futuresBalances);
        return new SimAccount(key, secret);
    }

    /** Creates an account whose requests are signed with Ed25519 (public key in PEM). */
    public String createEd25519Account(String apiKey, String publicKeyPem, Map<String, BigDecimal> balances) {
        String key = apiKey == null ? randomKey(64) : apiKey;
        register(key, Credential.Ed25519.fromPem(publicKeyPem), balances, Map.of());
        return key;
    }

    private void register(String key, Credential credential, Map<String, BigDecimal> balances,
                          Map<String, BigDecimal> futuresBalances) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("API keys are 1-128 letters or digits");
        }
        for (String asset : futuresBalances.keySet()) {
            if (!asset.equals("USDT")) {
                throw new IllegalArgumentException("futures wallets hold USDT only");
            }
        }
        locked(e -> {
            if (credentials.containsKey(key)) {
                throw new IllegalArgumentException("an account with this API key exists");
            }
            long id = e.openAccount(key, balances, config.makerRate(), config.takerRate(), now()).id;
            futures.openAccount(id, key, futuresBalances.getOrDefault("USDT", BigDecimal.ZERO));
            credentials.put(key, credential);
            return null;
        });
    }

    public Credential credential(String apiKey) {
        return credentials.get(apiKey);
    }

    public Account account(String apiKey) {
        return locked(e -> e.account(apiKey));
    }

    public static boolean wellFormedKey(String apiKey) {
        return apiKey != null && KEY.matcher(apiKey).matches();
    }

    @Override
    public void close() {
        dispatcher.interrupt();
    }
}
