package app.premia.kpi.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Boundaries computed by hand from each zone's offset on the day (see the comments). */
class PeriodTest {

  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow"); // UTC+3 all year since 2014
  static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo"); // UTC−3 all year since 2019
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York"); // UTC−5, DST UTC−4
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin"); // UTC+1, DST UTC+2

  @Test
  void moscowMonth_startsAndEndsAtLocalMidnight_threeHoursBeforeUtcMidnight() {
    Period january = Period.month(2026, 1, MOSCOW);
    // 2026-01-01 00:00 +03 = 2025-12-31 21:00Z; 2026-02-01 00:00 +03 = 2026-01-31 21:00Z
    assertEquals(Instant.parse("2025-12-31T21:00:00Z"), january.start());
    assertEquals(Instant.parse("2026-01-31T21:00:00Z"), january.end());
    // the last second of January in Moscow: 2026-01-31 23:59:59 +03 = 20:59:59Z
    assertTrue(january.contains(Instant.parse("2026-01-31T20:59:59Z")));
    assertFalse(january.contains(Instant.parse("2026-01-31T21:00:00Z")), "end is exclusive");
    assertTrue(january.contains(january.start()), "start is inclusive");
    assertFalse(january.contains(Instant.parse("2025-12-31T20:59:59Z")));
    assertEquals(Period.month(2026, 2, MOSCOW), january.next());
    assertEquals(january.end(), january.next().start());
    assertEquals(LocalDate.of(2026, 1, 31), january.lastDay());
    assertEquals("2026-01", january.label());
  }

  @Test
  void moscowQuarterAndYear() {
    Period q1 = Period.quarter(2026, 1, MOSCOW);
    assertEquals(Instant.parse("2025-12-31T21:00:00Z"), q1.start());
    // 2026-04-01 00:00 +03 = 2026-03-31 21:00Z
    assertEquals(Instant.parse("2026-03-31T21:00:00Z"), q1.end());
    assertEquals("2026-Q1", q1.label());
    Period q4 = Period.quarter(2026, 4, MOSCOW);
    // 2026-10-01 00:00 +03 = 2026-09-30 21:00Z; 2027-01-01 00:00 +03 = 2026-12-31 21:00Z
    assertEquals(Instant.parse("2026-09-30T21:00:00Z"), q4.start());
    assertEquals(Instant.parse("2026-12-31T21:00:00Z"), q4.end());
    assertEquals(Period.quarter(2027, 1, MOSCOW), q4.next());
    assertEquals(Period.quarter(2026, 3, MOSCOW), q4.previous());
    Period year = Period.year(2026, MOSCOW);
    assertEquals(Instant.parse("2025-12-31T21:00:00Z"), year.start());
    assertEquals(Instant.parse("2026-12-31T21:00:00Z"), year.end());
    assertEquals("2026", year.label());
    // 365 days, no DST
    assertEquals(Duration.ofDays(365), Duration.between(year.start(), year.end()));
  }

  @Test
  void negativeOffsetWithoutDst_saoPaulo() {
    Period march = Period.month(2026, 3, SAO_PAULO);
    // 2026-03-01 00:00 −03 = 03:00Z; 2026-04-01 00:00 −03 = 03:00Z
    assertEquals(Instant.parse("2026-03-01T03:00:00Z"), march.start());
    assertEquals(Instant.parse("2026-04-01T03:00:00Z"), march.end());
    // 2026-03-31 23:59:59 −03 = 2026-04-01 02:59:59Z: still March there, April in UTC
    assertTrue(march.contains(Instant.parse("2026-04-01T02:59:59Z")));
    assertEquals(
        Period.month(2026, 3, SAO_PAULO),
        Period.containing(Instant.parse("2026-04-01T02:59:59Z"), PeriodType.MONTH, SAO_PAULO));
    Period year = Period.year(2026, SAO_PAULO);
    assertEquals(Instant.parse("2026-01-01T03:00:00Z"), year.start());
    assertEquals(Instant.parse("2027-01-01T03:00:00Z"), year.end());
  }

  @Test
  void negativeOffsetWithDst_newYork_monthsAcrossTheChangesAreAnHourShortOrLong() {
    // DST starts Sunday 2026-03-08 (second Sunday of March): March 1 is EST (−5), April 1 EDT (−4)
    Period march = Period.month(2026, 3, NEW_YORK);
    assertEquals(Instant.parse("2026-03-01T05:00:00Z"), march.start());
    assertEquals(Instant.parse("2026-04-01T04:00:00Z"), march.end());
    assertEquals(Duration.ofDays(31).minusHours(1), Duration.between(march.start(), march.end()));
    // DST ends Sunday 2026-11-01: October 1 is EDT (−4), 2027-01-01 EST (−5)
    Period q4 = Period.quarter(2026, 4, NEW_YORK);
    assertEquals(Instant.parse("2026-10-01T04:00:00Z"), q4.start());
    assertEquals(Instant.parse("2027-01-01T05:00:00Z"), q4.end());
    assertEquals(Duration.ofDays(92).plusHours(1), Duration.between(q4.start(), q4.end()));
    // 2026-10-31 23:59:59 EDT = 2026-11-01 03:59:59Z: October; 04:00Z is November 00:00 EDT
    Period october = Period.month(2026, 10, NEW_YORK);
    assertTrue(october.contains(Instant.parse("2026-11-01T03:59:59Z")));
    assertFalse(october.contains(Instant.parse("2026-11-01T04:00:00Z")));
  }

  @Test
  void positiveOffsetWithDst_berlin() {
    // DST starts Sunday 2026-03-29 (last Sunday of March): March 1 CET (+1), April 1 CEST (+2)
    Period march = Period.month(2026, 3, BERLIN);
    assertEquals(Instant.parse("2026-02-28T23:00:00Z"), march.start());
    assertEquals(Instant.parse("2026-03-31T22:00:00Z"), march.end());
    Period year = Period.year(2026, BERLIN);
    assertEquals(Instant.parse("2025-12-31T23:00:00Z"), year.start());
    assertEquals(Instant.parse("2026-12-31T23:00:00Z"), year.end());
  }

  @Test
  void consecutivePeriodsTile_withoutGapsOrOverlaps() {
    for (ZoneId zone : new ZoneId[] {MOSCOW, SAO_PAULO, NEW_YORK, BERLIN}) {
      Period month = Period.month(2025, 11, zone);
      for (int i = 0; i < 30; i++) {
        assertEquals(month.end(), month.next().start(), month.toString());
        assertEquals(month, month.next().previous());
        month = month.next();
      }
      // a year is exactly its four quarters and its twelve months
      Period year = Period.year(2026, zone);
      assertEquals(year.start(), Period.quarter(2026, 1, zone).start());
      assertEquals(year.end(), Period.quarter(2026, 4, zone).end());
      assertEquals(year.start(), Period.month(2026, 1, zone).start());
      assertEquals(year.end(), Period.month(2026, 12, zone).end());
    }
  }

  @Test
  void containing_findsThePeriodInTheZone_notInUtc() {
    // 2026-06-30 21:30Z is 2026-07-01 00:30 in Moscow: July, Q3
    Instant moment = Instant.parse("2026-06-30T21:30:00Z");
    assertEquals(
        Period.month(2026, 7, MOSCOW), Period.containing(moment, PeriodType.MONTH, MOSCOW));
    assertEquals(
        Period.quarter(2026, 3, MOSCOW), Period.containing(moment, PeriodType.QUARTER, MOSCOW));
    assertEquals(Period.year(2026, MOSCOW), Period.containing(moment, PeriodType.YEAR, MOSCOW));
    // ... and still June 30 in New York (17:30 EDT)
    assertEquals(
        Period.month(2026, 6, NEW_YORK), Period.containing(moment, PeriodType.MONTH, NEW_YORK));
  }

  @Test
  void aPeriodMustStartOnItsCalendarBoundary() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Period(PeriodType.MONTH, LocalDate.of(2026, 1, 2), MOSCOW));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Period(PeriodType.QUARTER, LocalDate.of(2026, 2, 1), MOSCOW));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Period(PeriodType.YEAR, LocalDate.of(2026, 7, 1), MOSCOW));
    assertThrows(IllegalArgumentException.class, () -> Period.quarter(2026, 5, MOSCOW));
  }
}
