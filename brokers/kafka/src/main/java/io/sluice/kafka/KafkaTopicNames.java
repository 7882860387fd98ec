package io.sluice.kafka;

import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The reversible rule between Sluice subjects and Kafka topics. Kafka topic names are {@code
 * [a-zA-Z0-9._-]}, at most 249 characters. Letters, digits, {@code .} and {@code -} pass through
 * unchanged, so {@code orders.eu-west} is the topic {@code orders.eu-west}; {@code _} is the escape
 * character: every other character, {@code _} included, becomes {@code _} followed by the two
 * upper-case hex digits of each of its UTF-8 bytes ({@code a_b} is {@code a_5Fb}, {@code a/b} is
 * {@code a_2Fb}). Subject patterns become regular expressions with NATS semantics: {@code *} is one
 * token, {@code >} one or more trailing tokens.
 */
public final class KafkaTopicNames {
  /** Kafka's limit on topic name length. */
  public static final int MAX_LENGTH = 249;

  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final String ONE_TOKEN = "[^.]+";

  private KafkaTopicNames() {}

  /** The topic of a subject; throws IllegalArgumentException past Kafka's length limit. */
  public static String topic(Subject subject) {
    String topic = escape(subject.value());
    if (topic.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "subject '"
              + subject
              + "' maps to a topic of "
              + topic.length()
              + " characters; Kafka allows "
              + MAX_LENGTH);
    }
    return topic;
  }

  /** The subject a topic carries. */
  public static Subject subject(String topic) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(topic.length());
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      if (c == '_') {
        if (i + 2 >= topic.length()) {
          throw new IllegalArgumentException("topic '" + topic + "' ends in a broken escape");
        }
        bytes.write(HexFormat.fromHexDigits(topic, i + 1, i + 3));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return Subject.of(bytes.toString(StandardCharsets.UTF_8));
  }

  /** A regular expression matching exactly the topics whose subjects match. */
  public static Pattern topics(SubjectPattern pattern) {
    StringBuilder regex = new StringBuilder();
    String[] tokens = pattern.value().split("\\.", -1);
    for (int i = 0; i < tokens.length; i++) {
      if (i > 0) {
        regex.append("\\.");
      }
      regex.append(
          switch (tokens[i]) {
            case "*" -> ONE_TOKEN;
            case ">" -> ONE_TOKEN + "(?:\\." + ONE_TOKEN + ")*";
            default -> escape(tokens[i]).replace("-", "\\-");
          });
    }
    return Pattern.compile(regex.toString());
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
                  out.append('_').append(HEX.toHexDigits(b));
                }
              }
            });
    return out.toString();
  }

  private static boolean isPlain(int cp) {
    return (cp >= 'a' && cp <= 'z')
        || (cp >= 'A' && cp <= 'Z')
        || (cp >= '0' && cp <= '9')
        || cp == '.'
        || cp == '-';
  }
}
