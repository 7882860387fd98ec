package io.sluice.pulsar;

import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The reversible rule between Sluice subjects and Pulsar topics: subject {@code orders.eu} in
 * tenant {@code public}, namespace {@code default} is {@code
 * persistent://public/default/orders.eu}.
 *
 * <p>Letters, digits, {@code .}, {@code _} and {@code -} pass through unchanged; every other
 * character becomes {@code =} followed by the upper-case hex of each of its UTF-8 bytes ({@code
 * orders/eu} becomes {@code orders=2Feu}, {@code a=b} becomes {@code a=3Db}). Subject patterns
 * become regular expressions over topic names with NATS semantics: {@code *} is one token, {@code
 * >} one or more trailing tokens. The namespace prefix stays literal in the expression, as Pulsar
 * reads the namespace of a pattern subscription from it.
 */
public final class PulsarTopicNames {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final String ONE_TOKEN = "[^.]+";

  private final String prefix;

  private PulsarTopicNames(String tenant, String namespace) {
    this.prefix = "persistent://" + tenant + "/" + namespace + "/";
  }

  /** Topic names in one tenant and namespace. */
  public static PulsarTopicNames in(String tenant, String namespace) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(namespace, "namespace");
    return new PulsarTopicNames(tenant, namespace);
  }

  /** The full topic name of a subject. */
  public String topic(Subject subject) {
    return prefix + escape(subject.value());
  }

  /** The subject a topic of this namespace carries; throws for a topic outside it. */
  public Subject subject(String topic) {
    if (!topic.startsWith(prefix)) {
      throw new IllegalArgumentException(
          "topic '" + topic + "' is not in namespace '" + prefix + "'");
    }
    return Subject.of(unescape(topic.substring(prefix.length())));
  }

  /** A regular expression matching the full names of the topics whose subjects match. */
  public Pattern topics(SubjectPattern pattern) {
    StringBuilder regex = new StringBuilder(prefix);
    String[] tokens = pattern.value().split("\\.", -1);
    for (int i = 0; i < tokens.length; i++) {
      if (i > 0) {
        regex.append("\\.");
      }
      regex.append(tokenRegex(tokens[i]));
    }
    return Pattern.compile(regex.toString());
  }

  private static String tokenRegex(String token) {
    return switch (token) {
      case "*" -> ONE_TOKEN;
      case ">" -> ONE_TOKEN + "(?:\\." + ONE_TOKEN + ")*";
      default -> escape(token).replace("-", "\\-");
    };
  }

  static String escape(String subject) {
    StringBuilder out = new StringBuilder(subject.length());
    subject
        .codePoints()
        .forEach(
            cp -> {
              if (isPlain(cp)) {
                out.append((char) cp);
              } else {
                for (byte b : Character.toString(cp).getBytes(StandardCharsets.UTF_8)) {
                  out.append('=').append(HEX.toHexDigits(b));
                }
              }
            });
    return out.toString();
  }

  static String unescape(String name) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '=' && i + 2 < name.length()) {
        bytes.write(HexFormat.fromHexDigits(name, i + 1, i + 3));
        i += 2;
      } else if (c == '=') {
        throw new IllegalArgumentException("topic name '" + name + "' ends in a broken escape");
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isPlain(int cp) {
    return (cp >= 'a' && cp <= 'z')
        || (cp >= 'A' && cp <= 'Z')
        || (cp >= '0' && cp <= '9')
        || cp == '.'
        || cp == '_'
        || cp == '-';
  }
}
