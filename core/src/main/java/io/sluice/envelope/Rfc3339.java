package io.sluice.envelope;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3339 timestamps ({@code date-time}): full date, time, optional fraction and a mandatory
 * offset ({@code Z} or {@code ±hh:mm}). Calendar rules are checked, so {@code 2024-02-30} is
 * rejected.
 */
final class Rfc3339 {
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,64}))?"
              + "(?:([Zz])|([+-])(\\d{2}):(\\d{2}))");

  private Rfc3339() {}

  /** The instant the text denotes, or empty when it is not an RFC 3339 date-time. */
  static Optional<Instant> parse(String text) {
    Matcher m = DATE_TIME.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(toInstant(m));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** True when the instant can be written as RFC 3339 (years 0000 to 9999). */
  static boolean representable(Instant time) {
    int year = time.atOffset(ZoneOffset.UTC).getYear();
    return year >= 0 && year <= 9999;
  }

  private static Instant toInstant(Matcher m) {
    return OffsetDateTime.of(
            number(m, 1),
            number(m, 2),
            number(m, 3),
            number(m, 4),
            number(m, 5),
            number(m, 6),
            nanos(m.group(7)),
            offset(m))
        .toInstant();
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    String nine = (fraction + "000000000").substring(0, 9);
    return Integer.parseInt(nine);
  }

  private static ZoneOffset offset(Matcher m) {
    if (m.group(8) != null) {
      return ZoneOffset.UTC;
    }
    int sign = m.group(9).equals("-") ? -1 : 1;
    int hours = number(m, 10);
    int minutes = number(m, 11);
    if (minutes > 59) {
      throw new DateTimeException("offset minutes out of range");
    }
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }
}
