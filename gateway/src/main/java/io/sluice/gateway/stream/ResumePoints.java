package io.sluice.gateway.stream;

import io.sluice.broker.Broker;
import io.sluice.broker.Capability;
import io.sluice.broker.StartPosition;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Where a stream starts: right after {@code Last-Event-ID} when reconnecting, else as {@code
 * ?from=} asks ({@code new} by default, {@code all}, a sequence, or an RFC 3339 time). Resuming
 * needs a broker with replay and sequences; asking for it elsewhere is refused rather than ignored.
 */
final class ResumePoints {
  private final Broker broker;
  private final EndpointSupport support;

  ResumePoints(Broker broker, EndpointSupport support) {
    this.broker = broker;
    this.support = support;
  }

  StartPosition start(String lastEventId, String from) {
    if (lastEventId != null && !lastEventId.isBlank()) {
      return StartPosition.atSequence(sequence("Last-Event-ID", lastEventId, 0) + 1);
    }
    if (from == null || from.equals("new")) {
      return StartPosition.newOnly();
    }
    requireReplay("from=" + from);
    if (from.equals("all")) {
      return StartPosition.all();
    }
    if (from.chars().allMatch(Character::isDigit)) {
      return StartPosition.atSequence(sequence("from", from, 1));
    }
    return StartPosition.atTime(time(from));
  }

  private long sequence(String name, String text, long min) {
    requireReplay(name);
    try {
      long value = Long.parseLong(text.trim());
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid(name + " must be a broker sequence >= " + min + " but was '" + text + "'");
  }

  private java.time.Instant time(String from) {
    try {
      return OffsetDateTime.parse(from).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(
          "from must be all, new, a sequence or an RFC 3339 time such as 2025-01-31T12:00:00Z"
              + " but was '"
              + from
              + "'");
    }
  }

  private void requireReplay(String what) {
    if (!broker.has(Capability.REPLAY) || !broker.has(Capability.SEQUENCES)) {
      throw support.problem(
          400,
          "resume-unsupported",
          "Resume not supported",
          what
              + " needs a broker with replay and sequences; "
              + broker.url()
              + " has neither or only one, so streams start with new events only");
    }
  }

  private RuntimeException invalid(String detail) {
    return support.problem(400, "invalid-parameter", "Invalid parameter", detail);
  }
}
