package io.sluice.audit;

import java.util.concurrent.atomic.AtomicLong;

/** The counters behind {@link AuditStats}. */
final class Counters {
  final AtomicLong written = new AtomicLong();
  final AtomicLong spooled = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
}
