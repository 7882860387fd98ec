package io.sluice.gateway.stream;

import io.sluice.gateway.identity.Identity;
import java.time.Instant;
import java.util.Objects;

/** A stream ticket as issued: who it stands for, the one pattern it opens, and until when. */
record Ticket(String value, Identity identity, String pattern, Instant expiresAt) {
  Ticket {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
