package io.sluice.envelope;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3339 timestamps ({@code date-time}): full date, time, optional fraction and a mandatory
 * offset ({@code Z} or {@code ±hh:mm}, hours up to 23). Calendar rules are checked, so {@code
 * 2024-02-30} is rejected. A leap second ({@code hh:59:60}) is accepted and read as the last
 * nanosecond before the next minute, the nearest instant Java can represent.
 */
final class Rfc3339 {
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?"
              + "(?:([Zz])|([+-])(\\d{2}):(\\d{2}))");

  private static final int LAST_NANO = 999_999_999;

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
    int second = number(m, 6);
    boolean leapSecond = second == 60 && number(m, 5) == 59;
    LocalDateTime local =
        LocalDateTime.of(
            number(m, 1),
            number(m, 2),
            number(m, 3),
            number(m, 4),
            number(m, 5),
            leapSecond ? 59 : second,
            leapSecond ? LAST_NANO : nanos(m.group(7)));
    return local.toInstant(ZoneOffset.UTC).minusSeconds(offsetSeconds(m));
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

  private static int offsetSeconds(Matcher m) {
    if (m.group(8) != null) {
      return 0;
    }
    int hours = number(m, 10);
    int minutes = number(m, 11);
    if (hours > 23 || minutes > 59) {
      throw new DateTimeException("offset out of range");
    }
    int sign = m.group(9).equals("-") ? -1 : 1;
    return sign * (hours * 3600 + minutes * 60);
  }
}
