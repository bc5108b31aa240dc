package it.sportello.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Enums of the contract travel as lower-case snake names ({@code ban_proposed}, {@code out_of_hours}). */
public interface WireName {

    String name();

    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wire().equals(wire)).findFirst();
    }
}
