package io.sluice.pulsar.internal;

import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.MessageIdAdv;

/**
 * A Pulsar message id as one increasing number: {@code (ledgerId << 24 | entryId) + 1}. Ledger ids
 * grow over a topic's life and a ledger holds far fewer than 2^24 entries (Pulsar rolls ledgers
 * over at 50,000 by default), so the number grows with publish order within a topic and is never
 * below 1. Batching is off, so each message is its own entry.
 */
final class Sequences {
  private static final int ENTRY_BITS = 24;

  private Sequences() {}

  static long of(MessageId id) {
    MessageIdAdv adv = (MessageIdAdv) id;
    return ((adv.getLedgerId() << ENTRY_BITS) | adv.getEntryId()) + 1;
  }
}
