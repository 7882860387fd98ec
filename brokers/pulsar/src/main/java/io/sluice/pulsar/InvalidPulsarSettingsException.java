package io.sluice.pulsar;

import java.util.List;

/** The Pulsar broker settings are wrong; lists every problem, each naming its key. */
public final class InvalidPulsarSettingsException extends IllegalArgumentException {
  private final transient List<String> problems;

  public InvalidPulsarSettingsException(List<String> problems) {
    super("invalid Pulsar broker settings: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One entry per problem, e.g. {@code dedupWindow: must be a duration but was 'soon'}. */
  public List<String> problems() {
    return problems;
  }
}
