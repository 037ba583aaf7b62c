package io.tradeguard.core.venue;

/** Thrown by a venue call that failed; the error says how and whether a retry makes sense. */
public final class VenueException extends Exception {
    private final VenueError error;

    public VenueException(VenueError error) {
        super(error.toString());
        this.error = error;
    }

    public VenueException(VenueError error, Throwable cause) {
        super(error.toString(), cause);
        this.error = error;
    }

    public VenueError error() {
        return error;
    }
}
