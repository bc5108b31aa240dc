package it.sportello.store;

/** proposed (by the guard) → confirmed or rejected (by a moderator); confirmed → lifted. */
public enum BanStatus {
    PROPOSED, CONFIRMED, REJECTED, LIFTED
}
