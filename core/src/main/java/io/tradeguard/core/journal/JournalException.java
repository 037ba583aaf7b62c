package io.tradeguard.core.journal;

/** The journal could not store or read entries; the engine must stop sending orders. */
public final class JournalException extends Exception {
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }

    public JournalException(String message) {
        super(message);
    }
}
