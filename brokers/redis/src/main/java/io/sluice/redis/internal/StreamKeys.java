package io.sluice.redis.internal;

import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.util.Optional;

/**
 * Stream keys and entry ids. Subject {@code a.b} is stream {@code <prefix>a.b}: the mapping is
 * reversible by stripping the prefix. A wildcard pattern becomes a SCAN glob ({@code *} per
 * wildcard, glob characters escaped) whose matches are checked against the pattern itself.
 *
 * <p>An entry id {@code <ms>-<n>} becomes the sequence {@code ms << 20 | n}, strictly increasing
 * within a stream and reversible; ids with {@code n >= 2^20} have no sequence.
 */
final class StreamKeys {
  private static final int SEQ_BITS = 20;
  private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;

  private final String prefix;

  StreamKeys(String prefix) {
    this.prefix = prefix;
  }

  String key(Subject subject) {
    return prefix + subject.value();
  }

  /** The subject a stream key holds, when the key is a valid subject's stream. */
  Optional<Subject> subject(String key) {
    if (!key.startsWith(prefix)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Subject.of(key.substring(prefix.length())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  String glob(SubjectPattern pattern) {
    StringBuilder glob = new StringBuilder(escape(prefix));
    String[] tokens = pattern.value().split("\\.", -1);
    for (int i = 0; i < tokens.length; i++) {
      glob.append(i == 0 ? "" : ".");
      glob.append(tokens[i].equals("*") || tokens[i].equals(">") ? "*" : escape(tokens[i]));
    }
    return glob.toString();
  }

  private static String escape(String text) {
    return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
  }

  static Optional<Long> sequence(String entryId) {
    int dash = entryId.indexOf('-');
    long ms = Long.parseUnsignedLong(entryId.substring(0, dash));
    long n = Long.parseUnsignedLong(entryId.substring(dash + 1));
    if (Long.compareUnsigned(n, SEQ_MASK) > 0
        || Long.compareUnsigned(ms, Long.MAX_VALUE >>> SEQ_BITS) > 0) {
      return Optional.empty();
    }
    return Optional.of(ms << SEQ_BITS | n);
  }

  /** The id just before {@code sequence}, so an exclusive XREAD starts at it. */
  static String before(long sequence) {
    return beforeId(sequence >>> SEQ_BITS, sequence & SEQ_MASK);
  }

  /** The id just before the first entry added at or after {@code epochMillis}. */
  static String beforeTime(long epochMillis) {
    return beforeId(epochMillis, 0);
  }

  private static String beforeId(long ms, long n) {
    if (n > 0) {
      return ms + "-" + (n - 1);
    }
    return ms == 0 ? "0-0" : (ms - 1) + "-" + Long.toUnsignedString(-1L);
  }
}
