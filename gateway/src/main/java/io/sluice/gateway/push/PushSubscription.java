package io.sluice.gateway.push;

import io.sluice.gateway.identity.Identity;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One push subscription, validated.
 *
 * @param name unique name, 1-58 characters of A-Z, a-z, 0-9, '_' or '-'
 * @param pattern the subject pattern delivered
 * @param endpoint the absolute http or https URL each event is POSTed to
 * @param secret the HMAC key of the signature header
 * @param group the broker's durable consumer group (default {@code push-<name>})
 * @param maxAttempts attempts before an event is dead-lettered (1 means no retry)
 * @param backoff the wait between attempts
 * @param concurrency requests in flight to the endpoint at most
 * @param timeout how long one attempt may take (connect, send, answer)
 * @param deadLetter where an event goes after {@code maxAttempts} failures
 * @param owner whose {@code subscribe} permission every delivered subject is checked against
 * @param origin where the subscription was defined: the configuration file or the admin API
 */
public record PushSubscription(
    String name,
    SubjectPattern pattern,
    URI endpoint,
    Secret secret,
    String group,
    int maxAttempts,
    PushBackoff backoff,
    int concurrency,
    Duration timeout,
    Subject deadLetter,
    Identity owner,
    Origin origin) {

  /** Where a subscription was defined. */
  public enum Origin {
    CONFIG,
    API
  }

  public PushSubscription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(deadLetter, "deadLetter");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(origin, "origin");
    List<String> problems = new ArrayList<>();
    if (!name.matches("[A-Za-z0-9_-]{1,58}")) {
      problems.add(
          "name must be 1-58 characters of A-Z, a-z, 0-9, '_' or '-' but was '" + name + "'");
    }
    if (!group.matches("[A-Za-z0-9_-]{1,64}")) {
      problems.add(
          "group must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-' but was '" + group + "'");
    }
    if (maxAttempts < 1) {
      problems.add("maxAttempts must be >= 1 but was " + maxAttempts);
    }
    if (concurrency < 1) {
      problems.add("concurrency must be >= 1 but was " + concurrency);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      problems.add("timeout must be > 0 but was " + timeout);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** The default durable consumer group of a subscription named {@code name}. */
  public static String defaultGroup(String name) {
    return "push-" + name;
  }

  /** The default dead-letter subject of a subscription named {@code name}. */
  public static String defaultDeadLetter(String name) {
    return "deadletter.push." + name;
  }
}
