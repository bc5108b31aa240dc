package it.sportello.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
}
