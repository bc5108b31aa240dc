package it.sportello.tenant;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.stream.Collectors;

/** When a tenant's moderators are on duty: weekdays, a daily window, closed on public holidays. */
public final class ModerationHours {

    private static final Locale ITALIAN = Locale.ITALIAN;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("H:mm", ITALIAN);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", ITALIAN);

    private final TenantConfig.Moderation config;
    private final HolidayManager holidays;
    private final String[] subdivisions;
    private final Set<MonthDay> localHolidays;
    private final String description;
    /** Holidays by year, computed once: jollyday evaluates its calendar on every call. */
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    public ModerationHours(TenantConfig.Moderation config) {
        this.config = config;
        try {
            this.holidays = HolidayManager.getInstance(ManagerParameters.create(config.holidays().calendar()));
        } catch (RuntimeException e) {
            throw new ConfigException("unknown holiday calendar '" + config.holidays().calendar() + "'", e);
        }
        this.subdivisions = config.holidays().subdivisions().toArray(String[]::new);
        this.localHolidays = config.holidays().local().stream()
                .map(h -> MonthDay.of(h.month(), h.day())).collect(Collectors.toUnmodifiableSet());
        this.description = days() + " dalle " + CLOCK.format(config.open()) + " alle " + CLOCK.format(config.close())
                + ", festivi esclusi";
    }

    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(config.zone());
        LocalTime t = local.toLocalTime();
        return isWorkingDay(local.toLocalDate()) && !t.isBefore(config.open()) && t.isBefore(config.close());
    }

    public boolean isHoliday(LocalDate date) {
        return localHolidays.contains(MonthDay.from(date))
                || holidaysByYear.computeIfAbsent(date.getYear(), this::holidaysOf).contains(date);
    }

    private Set<LocalDate> holidaysOf(int year) {
        return holidays.getHolidays(java.time.Year.of(year), subdivisions).stream()
                .map(de.focus_shift.jollyday.core.Holiday::getDate).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * How much of {@code [from, to)} fell within moderation hours: an escalation's wait counted the way
     * citizens were promised, so a question left on Friday evening has not waited all weekend. Real
     * elapsed time, so a window that spans a clock change counts the hour gained or lost. Zero when
     * {@code to} is not after {@code from}.
     */
    public Duration openDuration(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        ZoneId zone = config.zone();
        LocalDate last = to.atZone(zone).toLocalDate();
        Duration open = Duration.ZERO;
        // One step a day, not a minute: a wait of months is a few hundred steps.
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant start = max(from, day.atTime(config.open()).atZone(zone).toInstant());
            Instant end = min(to, day.atTime(config.close()).atZone(zone).toInstant());
            if (end.isAfter(start)) {
                open = open.plus(Duration.between(start, end));
            }
        }
        return open;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The instant itself when moderators are on duty, else the next opening. */
    public ZonedDateTime nextOpening(Instant instant) {
        ZonedDateTime local = instant.atZone(config.zone());
        if (isOpen(instant)) {
            return local;
        }
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(config.open())) {
            day = day.plusDays(1);
        }
        for (int i = 0; i < 366 && !isWorkingDay(day); i++) {
            day = day.plusDays(1);
        }
        return day.atTime(config.open()).atZone(config.zone());
    }

    /** e.g. "lunedì 30 novembre alle 10:00". */
    public String describeOpening(ZonedDateTime opening) {
        return DAY.format(opening) + " alle " + CLOCK.format(opening);
    }

    /** e.g. "dal lunedì al venerdì dalle 10:00 alle 17:00, festivi esclusi". */
    public String describe() {
        return description;
    }

    private boolean isWorkingDay(LocalDate date) {
        return config.days().contains(date.getDayOfWeek()) && !isHoliday(date);
    }

    private String days() {
        List<DayOfWeek> sorted = config.days().stream().sorted().toList();
        DayOfWeek first = sorted.get(0);
        DayOfWeek last = sorted.get(sorted.size() - 1);
        boolean contiguous = last.getValue() - first.getValue() == sorted.size() - 1;
        if (sorted.size() == 1) {
            return "il " + name(first);
        }
        if (contiguous) {
            return "dal " + name(first) + " al " + name(last);
        }
        String head = sorted.subList(0, sorted.size() - 1).stream().map(ModerationHours::name)
                .collect(Collectors.joining(", "));
        return head + " e " + name(last);
    }

    private static String name(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, ITALIAN);
    }
}
