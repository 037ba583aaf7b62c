package io.tradeguard.core.engine;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.reconcile.VenueSnapshot;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueEvent;

import java.util.concurrent.CompletableFuture;

/** The one inbound queue's messages: commands, venue events, answers of effects, timers. */
sealed interface Inbound {

    record CommandIn(Command command, CompletableFuture<CommandResult> reply) implements Inbound {
    }

    record VenueIn(VenueEvent event) implements Inbound {
    }

    record SubmitAnswered(ClientOrderId clientOrderId, SubmitResult result) implements Inbound {
    }

    record OcoAnswered(io.tradeguard.core.venue.OcoRequest request, io.tradeguard.core.venue.OcoResult result)
            implements Inbound {
    }

    /** @param update the order after the cancel, or null with an error */
    record CancelAnswered(ClientOrderId clientOrderId, OrderUpdate update, VenueError error) implements Inbound {
    }

    /** @param found the order, or null: with a null error the venue has never had it */
    record QueryAnswered(ClientOrderId clientOrderId, OrderUpdate found, VenueError error) implements Inbound {
    }

    /** @param snapshot null with an error */
    record VenueFetched(io.tradeguard.core.model.Market market, VenueSnapshot snapshot, VenueError error) implements Inbound {
    }

    record Tick() implements Inbound {
    }

    record SnapshotRequest(CompletableFuture<TradingSnapshot> reply) implements Inbound {
    }

    /** Everything a restart must rebuild, copied on the engine thread (restart tests compare it). */
    record DurableRequest(CompletableFuture<TradingState.Durable> reply) implements Inbound {
    }

    /** Start or stop taking orders (start sequence done, stop begun). */
    record Accepting(boolean accepting, CompletableFuture<CommandResult> reply) implements Inbound {
    }

    /** Stop sequence: cancel every open order. */
    record CancelAll(String reason, CompletableFuture<CommandResult> reply) implements Inbound {
    }

    /** The initial sync: reconcile and answer when done. */
    record InitialSync(CompletableFuture<CommandResult> reply) implements Inbound {
    }

    /** The journal could not be written: nothing more may be sent. */
    record JournalFailed(String reason) implements Inbound {
    }

    /** Last message of the engine thread. */
    record Shutdown(String reason, CompletableFuture<CommandResult> reply) implements Inbound {
    }

    /** What only the futures user stream says: funding, liquidation details, wallet changes. */
    record FuturesIn(io.tradeguard.core.venue.FuturesAccountEvent event) implements Inbound {
    }

    /** @param positions the venue's open futures positions, or null with an error */
    record FuturesPositionsFetched(java.util.List<io.tradeguard.core.venue.FuturesPosition> positions, VenueError error)
            implements Inbound {
    }
}
