package io.sluice.kafka;

import java.util.List;

/** The Kafka broker settings are wrong; lists every problem, each naming its key. */
public final class InvalidKafkaSettingsException extends IllegalArgumentException {
  private final transient List<String> problems;

  public InvalidKafkaSettingsException(List<String> problems) {
    super("invalid Kafka broker settings: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One entry per problem, e.g. {@code dedupWindow: must be a positive duration ...}. */
  public List<String> problems() {
    return problems;
  }
}
