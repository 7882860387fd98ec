package io.sluice.library.internal;

import io.sluice.broker.Delivery;

/** One try at handling a delivery; {@code number} is 1-based across retries. */
public record Attempt(Delivery delivery, int number) {
  Attempt next() {
    return new Attempt(delivery, number + 1);
  }
}
