package io.sluice.gateway.stream;

import io.sluice.gateway.identity.Identity;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived, single-use stream tickets. A ticket is 32 random bytes, held only in this process;
 * redeeming removes it, so a second use (or a use for another pattern) finds nothing. Expired
 * tickets are swept whenever a new one is issued.
 */
final class Tickets {
  private static final SecureRandom RANDOM = new SecureRandom();
  static final int MAX_OUTSTANDING = 100_000;

  private final Clock clock;
  private final Duration ttl;
  private final Map<String, Ticket> issued = new ConcurrentHashMap<>();

  Tickets(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  /** A new ticket, or empty when {@link #MAX_OUTSTANDING} unexpired tickets are waiting. */
  Optional<Ticket> issue(Identity identity, String pattern) {
    sweep();
    if (issued.size() >= MAX_OUTSTANDING) {
      return Optional.empty();
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Ticket ticket = new Ticket(value, identity, pattern, clock.instant().plus(ttl));
    issued.put(value, ticket);
    return Optional.of(ticket);
  }

  /** The ticket's identity when it exists, is unexpired and was issued for {@code pattern}. */
  Optional<Identity> redeem(String value, String pattern) {
    Ticket ticket = issued.remove(value);
    if (ticket == null || !ticket.pattern().equals(pattern)) {
      return Optional.empty();
    }
    return clock.instant().isBefore(ticket.expiresAt())
        ? Optional.of(ticket.identity())
        : Optional.empty();
  }

  private void sweep() {
    var now = clock.instant();
    issued.values().removeIf(t -> !now.isBefore(t.expiresAt()));
  }
}
