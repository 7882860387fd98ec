package io.sluice.nats;

import java.util.List;

/** The NATS broker settings are wrong; lists every problem, each naming its key. */
public final class InvalidNatsSettingsException extends IllegalArgumentException {
  private final transient List<String> problems;

  public InvalidNatsSettingsException(List<String> problems) {
    super("invalid NATS broker settings: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One entry per problem, e.g. {@code streams[1].retention: must be one of ...}. */
  public List<String> problems() {
    return problems;
  }
}
