package it.sportello.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModerationHoursTest {

    private final ModerationHours milano = new ModerationHours(Fixtures.tenants().get("ats-milano").moderation());
    private final ModerationHours crema = new ModerationHours(Fixtures.tenants().get("asst-crema").moderation());

    @ParameterizedTest(name = "{0}: Milano {1}, Crema {2}")
    @CsvSource({
        "2026-11-25T09:59:59+01:00, false, true",   // Wednesday: Crema opens at 8:30, Milano at 10
        "2026-11-25T10:00:00+01:00, true,  true",
        "2026-11-25T16:29:00+01:00, true,  true",
        "2026-11-25T16:30:00+01:00, true,  false",  // Crema closes at 16:30
        "2026-11-25T17:00:00+01:00, false, false",  // Milano closes at 17
        "2026-11-25T08:29:00+01:00, false, false",
        "2026-11-25T07:30:00Z,      false, true",   // 8:30 in Rome: offsets are honoured
        "2026-11-28T11:00:00+01:00, false, false",  // Saturday
        "2026-11-29T11:00:00+01:00, false, false",  // Sunday
        "2026-12-07T11:00:00+01:00, false, true",   // Sant'Ambrogio: Milano only
        "2026-12-08T11:00:00+01:00, false, false",  // Immacolata
        "2026-06-10T11:00:00+02:00, true,  false",  // San Pantaleone: Crema only
        "2027-03-29T11:00:00+02:00, false, false",  // Easter Monday 2027
        "2026-10-05T11:00:00+02:00, true,  true",   // a Monday after 4 October
        "2027-10-04T11:00:00+02:00, false, false",  // San Francesco, national holiday from 2026
        "2026-12-24T11:00:00+01:00, true,  true",   // Christmas Eve is a working day
    })
    void openOnWorkingDaysWithinTheWindow(String time, boolean milanoOpen, boolean cremaOpen) {
        OffsetDateTime at = OffsetDateTime.parse(time.strip());

        assertThat(milano.isOpen(at.toInstant())).as("Milano").isEqualTo(milanoOpen);
        assertThat(crema.isOpen(at.toInstant())).as("Crema").isEqualTo(cremaOpen);
    }

    @Test
    void nextOpeningSkipsWeekendsAndHolidays() {
        OffsetDateTime fridayEvening = OffsetDateTime.parse("2026-12-04T18:00:00+01:00");

        // Monday 7 is Sant'Ambrogio, Tuesday 8 the Immacolata: Milano reopens on Wednesday 9.
        assertThat(milano.nextOpening(fridayEvening.toInstant()).toLocalDateTime())
                .isEqualTo(LocalDate.of(2026, 12, 9).atTime(10, 0));
        assertThat(crema.nextOpening(fridayEvening.toInstant()).toLocalDateTime())
                .isEqualTo(LocalDate.of(2026, 12, 7).atTime(8, 30));
        assertThat(milano.describeOpening(milano.nextOpening(fridayEvening.toInstant())))
                .isEqualTo("mercoledì 9 dicembre alle 10:00");
    }

    @Test
    void nextOpeningLaterTheSameDayOrNowWhenOpen() {
        OffsetDateTime early = OffsetDateTime.parse("2026-11-25T07:45:00+01:00");
        OffsetDateTime open = OffsetDateTime.parse("2026-11-25T11:00:00+01:00");

        assertThat(crema.nextOpening(early.toInstant()).toLocalDateTime()).isEqualTo(LocalDate.of(2026, 11, 25).atTime(8, 30));
        assertThat(milano.nextOpening(open.toInstant()).toInstant()).isEqualTo(open.toInstant());
    }

    @Test
    void describesTheHoursInItalian() {
        assertThat(milano.describe()).isEqualTo("dal lunedì al venerdì dalle 10:00 alle 17:00, festivi esclusi");
        assertThat(crema.describe()).isEqualTo("dal lunedì al venerdì dalle 8:30 alle 16:30, festivi esclusi");
    }

    @ParameterizedTest(name = "{0} to {1}: Milano {2}, Crema {3}")
    @CsvSource({
        "2026-11-25T11:00:00+01:00, 2026-11-25T13:30:00+01:00, PT2H30M, PT2H30M", // within one day
        "2026-11-25T08:00:00+01:00, 2026-11-25T10:30:00+01:00, PT30M,   PT2H",    // from before opening
        "2026-11-25T16:00:00+01:00, 2026-11-26T11:00:00+01:00, PT2H,    PT3H",    // across a night
        "2026-11-27T16:30:00+01:00, 2026-11-30T10:15:00+01:00, PT45M,   PT1H45M", // across a weekend
        "2026-11-28T09:00:00+01:00, 2026-11-29T18:00:00+01:00, PT0S,    PT0S",    // a weekend only
        "2026-11-25T18:00:00+01:00, 2026-11-26T07:00:00+01:00, PT0S,    PT0S",    // a night only
        // Friday 4 December to Wednesday 9: Sant'Ambrogio (7) closes Milano only, the Immacolata (8) both.
        "2026-12-04T16:00:00+01:00, 2026-12-09T10:30:00+01:00, PT1H30M, PT10H30M",
        // Friday before the end of summer time (Sunday 25 October 2026) to Monday: offsets are honoured.
        "2026-10-23T16:00:00+02:00, 2026-10-26T11:00:00+01:00, PT2H,    PT3H",
        "2026-11-25T11:00:00+01:00, 2026-11-25T11:00:00+01:00, PT0S,    PT0S",    // empty
        "2026-11-25T13:00:00+01:00, 2026-11-25T11:00:00+01:00, PT0S,    PT0S",    // backwards
    })
    void openDurationCountsOnlyModerationHours(String from, String to, Duration milanoOpen, Duration cremaOpen) {
        Instant start = OffsetDateTime.parse(from.strip()).toInstant();
        Instant end = OffsetDateTime.parse(to.strip()).toInstant();

        assertThat(milano.openDuration(start, end)).as("Milano").isEqualTo(milanoOpen);
        assertThat(crema.openDuration(start, end)).as("Crema").isEqualTo(cremaOpen);
    }

    @Test
    void openDurationOnTheDaysTheClocksChange() {
        // Open every day 1:00-4:00 in Rome: the window holds the 2:00-3:00 hour that the clocks skip
        // in March and repeat in October, and the time counted is the time that really passed.
        ModerationHours nights = new ModerationHours(new TenantConfig.Moderation(ZoneId.of("Europe/Rome"),
                EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0), LocalTime.of(4, 0),
                new TenantConfig.Holidays("IT", List.of(), List.of())));

        assertThat(nights.openDuration(instant("2026-10-25T00:00:00+02:00"), instant("2026-10-26T00:00:00+01:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(nights.openDuration(instant("2026-03-29T00:00:00+01:00"), instant("2026-03-30T00:00:00+02:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(nights.openDuration(instant("2026-10-24T00:00:00+02:00"), instant("2026-10-25T00:00:00+02:00")))
                .isEqualTo(Duration.ofHours(3));
    }

    @Test
    void openDurationOverAYearByDays() {
        // 2026 has 261 weekdays; 8 of them are closed in Milan (1 and 6 January, Easter Monday, 1 May,
        // 2 June, 7 and 8 December, Christmas): 253 days of 7 hours.
        Duration year = milano.openDuration(instant("2026-01-01T00:00:00+01:00"), instant("2027-01-01T00:00:00+01:00"));

        assertThat(year).isEqualTo(Duration.ofHours(253 * 7));
    }

    @Test
    void openDurationAgreesWithIsOpenMinuteByMinute() {
        Instant from = instant("2026-11-20T13:17:00+01:00");
        Instant to = instant("2027-01-12T10:41:00+01:00");
        long minutes = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(1, ChronoUnit.MINUTES)) {
            minutes += crema.isOpen(t) ? 1 : 0;
        }

        assertThat(crema.openDuration(from, to)).isEqualTo(Duration.ofMinutes(minutes));
    }

    private static Instant instant(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }
}
