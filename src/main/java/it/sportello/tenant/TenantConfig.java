package it.sportello.tenant;

import it.sportello.contract.Reason;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One agency: everything that differs between agencies lives here, so that adding one needs only this
 * file and a knowledge-base folder.
 */
public record TenantConfig(String id, String name, URI site, URI urp, Moderation moderation, int minimumAge,
                           Set<Reason> moderationCategories, Strikes strikes, Repeated repeated, Retrieval retrieval,
                           Replies replies, List<String> requiredSections, int retentionDays) {

    /** Messages and escalations are kept this many days unless the tenant says otherwise. */
    public static final int DEFAULT_RETENTION_DAYS = 90;

    public TenantConfig {
        require(id, "id");
        require(name, "name");
        require(site, "site");
        require(urp, "urp");
        require(moderation, "moderation");
        require(moderationCategories, "moderation_categories");
        require(strikes, "strikes");
        require(repeated, "repeated");
        require(retrieval, "retrieval");
        require(replies, "replies");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("id '" + id + "' must be lower-case words joined by '-'");
        }
        if (site.getHost() == null || !"https".equals(site.getScheme())) {
            throw new IllegalArgumentException("site must be an https address, not '" + site + "'");
        }
        if (minimumAge < 0 || minimumAge > 25) {
            throw new IllegalArgumentException("minimum_age out of range: " + minimumAge);
        }
        moderationCategories = Set.copyOf(moderationCategories);
        requiredSections = requiredSections == null ? List.of() : List.copyOf(requiredSections);
        if (retentionDays == 0) {
            retentionDays = DEFAULT_RETENTION_DAYS;
        }
        if (retentionDays < 1 || retentionDays > 3650) {
            throw new IllegalArgumentException("retention_days out of 1..3650: " + retentionDays);
        }
    }

    /** The host that every section url must be on, e.g. {@code www.ats-milano.it}. */
    public String domain() {
        return site.getHost();
    }

    /** When moderators are on duty. */
    public record Moderation(ZoneId zone, Set<DayOfWeek> days, LocalTime open, LocalTime close, Holidays holidays) {
        public Moderation {
            require(zone, "moderation.zone");
            require(days, "moderation.days");
            require(open, "moderation.open");
            require(close, "moderation.close");
            require(holidays, "moderation.holidays");
            if (days.isEmpty()) {
                throw new IllegalArgumentException("moderation.days is empty");
            }
            if (!open.isBefore(close)) {
                throw new IllegalArgumentException("moderation.open must be before moderation.close");
            }
            days = Set.copyOf(days);
        }
    }

    /**
     * Closed days: a jollyday calendar (national holidays) with optional subdivisions (e.g. Lombardy
     * and Milan for Sant'Ambrogio), plus local days jollyday does not know (a city's patron saint).
     */
    public record Holidays(String calendar, List<String> subdivisions, List<LocalHoliday> local) {
        public Holidays {
            require(calendar, "moderation.holidays.calendar");
            subdivisions = subdivisions == null ? List.of() : List.copyOf(subdivisions);
            local = local == null ? List.of() : List.copyOf(local);
        }
    }

    /** A yearly closed day, e.g. a patron saint's feast. */
    public record LocalHoliday(int month, int day, String name) {
        public LocalHoliday {
            require(name, "local holiday name");
            java.time.MonthDay.of(month, day);
        }
    }

    /** Netiquette strikes: {@code threshold} violations within {@code windowDays} propose a ban. */
    public record Strikes(int threshold, int windowDays) {
        public Strikes {
            if (threshold < 1 || windowDays < 1) {
                throw new IllegalArgumentException("strikes.threshold and strikes.window_days must be positive");
            }
        }
    }

    /** The same post by one author {@code count} times within {@code windowHours} is "inserted repeatedly". */
    public record Repeated(int count, int windowHours) {
        public Repeated {
            if (count < 2 || windowHours < 1) {
                throw new IllegalArgumentException("repeated.count must be at least 2 and repeated.window_hours positive");
            }
        }
    }

    /** Below {@code threshold} confidence a question goes to a moderator. */
    public record Retrieval(double threshold, int maxSections) {
        public Retrieval {
            if (threshold <= 0 || threshold >= 1) {
                throw new IllegalArgumentException("retrieval.threshold must be in (0, 1)");
            }
            if (maxSections < 1) {
                throw new IllegalArgumentException("retrieval.max_sections must be at least 1");
            }
        }
    }

    static <T> void require(T value, String field) {
        Objects.requireNonNull(value, () -> "missing field '" + field + "'");
    }
}
