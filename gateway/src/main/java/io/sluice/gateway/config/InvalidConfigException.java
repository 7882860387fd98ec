package io.sluice.gateway.config;

import java.util.List;

/** The configuration has one or more problems; each names the dotted key and what is wrong. */
public final class InvalidConfigException extends RuntimeException {
  private final transient List<String> problems;

  public InvalidConfigException(List<String> problems) {
    super(describe(problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, one sentence each, starting with the dotted key. */
  public List<String> problems() {
    return problems;
  }

  private static String describe(List<String> problems) {
    return "invalid configuration ("
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + "):\n  - "
        + String.join("\n  - ", problems);
  }
}
