package io.sluice.rabbitmq.internal;

import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.nio.charset.StandardCharsets;

/**
 * Maps subjects to AMQP routing keys and patterns to binding keys. A subject is its own routing
 * key, so the mapping is reversible. In patterns NATS {@code *} stays {@code *} and {@code >}
 * becomes {@code #}; a literal {@code #} token becomes {@code *}. Because {@code #} also matches
 * zero words and a literal {@code #} cannot be bound, every delivery is checked against the pattern
 * itself.
 */
final class RoutingKeys {
  /** AMQP short strings hold at most 255 bytes. */
  static final int MAX_BYTES = 255;

  private RoutingKeys() {}

  static String routingKey(Subject subject) {
    return subject.value();
  }

  static boolean fits(Subject subject) {
    return subject.value().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }

  static String bindingKey(SubjectPattern pattern) {
    String[] tokens = pattern.value().split("\\.", -1);
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < tokens.length; i++) {
      key.append(i == 0 ? "" : ".").append(bindingToken(tokens[i]));
    }
    return key.toString();
  }

  private static String bindingToken(String token) {
    return switch (token) {
      case ">" -> "#";
      case "#" -> "*";
      default -> token;
    };
  }
}
