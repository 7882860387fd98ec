package io.sluice.contracts;

import io.sluice.broker.AckMode;
import io.sluice.subject.SubjectPattern;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A configured subject pattern as the AsyncAPI document describes it.
 *
 * @param subjects the subject pattern
 * @param ackMode the ack mode publishes use
 * @param stream the broker stream or topic the subjects live in, if any
 * @param publish true when clients may publish here through the gateway
 * @param subscribe true when clients may subscribe here through the gateway
 * @param types the event types carried; empty for every registered type
 */
public record ChannelDescription(
    SubjectPattern subjects,
    AckMode ackMode,
    Optional<String> stream,
    boolean publish,
    boolean subscribe,
    List<String> types) {
  public ChannelDescription {
    Objects.requireNonNull(subjects, "subjects");
    Objects.requireNonNull(ackMode, "ackMode");
    Objects.requireNonNull(stream, "stream");
    types = List.copyOf(types);
    if (!publish && !subscribe) {
      throw new IllegalArgumentException(
          "channel '" + subjects + "' must allow publish, subscribe or both");
    }
  }

  /** A channel open to publish and subscribe, carrying the given types. */
  public static ChannelDescription of(String pattern, AckMode ackMode, String... types) {
    return new ChannelDescription(
        SubjectPattern.of(pattern), ackMode, Optional.empty(), true, true, List.of(types));
  }
}
