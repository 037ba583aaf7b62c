package io.tradeguard.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.FuturesAccountEvent;
import io.tradeguard.core.venue.FuturesAccountEvent.AccountUpdated;
import io.tradeguard.core.venue.FuturesAccountEvent.PositionChange;
import io.tradeguard.core.venue.FuturesAccountEvent.WalletChange;
import io.tradeguard.core.venue.FuturesPosition;
import io.tradeguard.core.venue.VenueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.tradeguard.binance.spot.Fields.decimal;
import static io.tradeguard.binance.spot.Fields.longValue;
import static io.tradeguard.binance.spot.Fields.text;

/**
 * Names the symbols behind a cross-margin funding payment. ACCOUNT_UPDATE with reason FUNDING_FEE carries the
 * wallet's change but, for cross positions, no position row: with several cross positions open nobody can say
 * which paid. The income history ({@code GET /fapi/v1/income?incomeType=FUNDING_FEE}) can: the payment becomes one
 * update per symbol, each with that symbol's income and its position (from positionRisk). When the history does not
 * account for the payment (not written yet, or amounts that do not add up) the update passes unchanged. Runs on the
 * user stream's dispatch thread ({@link UserEventDispatch}), never the socket's reader: its waits stop no reading.
 */
final class FundingAttribution {
    private static final Logger log = LoggerFactory.getLogger(FundingAttribution.class);
    /** income rows this far around the event's time can belong to it */
    private static final Duration BEFORE = Duration.ofMinutes(1);
    private static final Duration AFTER = Duration.ofSeconds(5);
    private static final int TRIES = 3;
    private static final Duration RETRY_AFTER = Duration.ofMillis(250);

    /** What the attribution asks the venue. */
    interface Source {
        JsonNode fundingIncome(long startTime, long endTime) throws VenueException;

        FuturesPosition position(Symbol symbol) throws VenueException;
    }

    private final Source source;
    /** income rows already given to a payment, so that two payments of one funding time never share one */
    private final Set<Long> used = new LinkedHashSet<>();

    FundingAttribution(Source source) {
        this.source = source;
    }

    /** The update as it should reach the engine: per symbol when it is an unnamed funding payment the history explains. */
    List<FuturesAccountEvent> attribute(FuturesAccountEvent event) {
        if (!(event instanceof AccountUpdated update) || update.reason() != FuturesAccountEvent.UpdateReason.FUNDING_FEE
                || update.positions().size() == 1) {
            return List.of(event);
        }
        List<WalletChange> paid = update.wallets().stream().filter(w -> w.balanceChange().signum() != 0).toList();
        if (paid.size() != 1) {
            return List.of(event);
        }
        WalletChange wallet = paid.getFirst();
        try {
            for (int attempt = 1; attempt <= TRIES; attempt++) {
                List<Row> rows = matching(update, wallet);
                if (!rows.isEmpty()) {
                    return split(update, wallet, rows);
                }
                if (attempt < TRIES) {
                    Thread.sleep(RETRY_AFTER.toMillis()); // the history may be written a moment after the event
                }
            }
            log.warn("the income history does not account for the funding of {} {} at {}; it counts for the day only",
                    wallet.balanceChange().toPlainString(), wallet.asset(), update.venueTime());
        } catch (VenueException | RuntimeException e) {
            log.warn("the funding of {} {} at {} could not be attributed to a symbol ({}); it counts for the day only",
                    wallet.balanceChange().toPlainString(), wallet.asset(), update.venueTime(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of(event);
    }

    private record Row(long tranId, Symbol symbol, BigDecimal income) {
    }

    /** The unused rows that make up the payment: all of them when they add up to it, else the oldest equal to it. */
    private List<Row> matching(AccountUpdated update, WalletChange wallet) throws VenueException {
        long at = update.venueTime().toEpochMilli();
        JsonNode answer = source.fundingIncome(at - BEFORE.toMillis(), at + AFTER.toMillis());
        List<Row> rows = new ArrayList<>();
        synchronized (used) {
            for (JsonNode r : answer) {
                long tranId = longValue(r, "tranId");
                if (text(r, "incomeType").equals("FUNDING_FEE") && Asset.of(text(r, "asset")).equals(wallet.asset())
                        && !used.contains(tranId) && !text(r, "symbol").isEmpty()) {
                    rows.add(new Row(tranId, Symbol.of(text(r, "symbol")), decimal(r, "income")));
                }
            }
        }
        BigDecimal total = rows.stream().map(Row::income).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!rows.isEmpty() && total.compareTo(wallet.balanceChange()) == 0) {
            return rows;
        }
        return rows.stream().filter(r -> r.income().compareTo(wallet.balanceChange()) == 0).limit(1).toList();
    }

    private List<FuturesAccountEvent> split(AccountUpdated update, WalletChange wallet, List<Row> rows) throws VenueException {
        List<FuturesAccountEvent> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            FuturesPosition p = source.position(row.symbol());
            PositionChange position = new PositionChange(row.symbol(), p.amount(), p.entryPrice(), p.breakEvenPrice(), null,
                    p.unrealizedPnl(), p.marginType(), p.isolatedWallet(), "BOTH");
            out.add(new AccountUpdated(update.reason(), update.rawReason(),
                    List.of(new WalletChange(wallet.asset(), wallet.walletBalance(), wallet.crossWallet(), row.income())),
                    List.of(position), update.venueTime(), update.receivedAt()));
        }
        synchronized (used) {
            rows.forEach(r -> used.add(r.tranId()));
            while (used.size() > 10_000) {
                used.remove(used.iterator().next());
            }
        }
        return out;
    }
}
