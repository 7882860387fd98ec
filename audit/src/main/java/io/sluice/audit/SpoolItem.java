package io.sluice.audit;

/** An accepted entry and its ticket: the order in which {@code append} accepted it. */
record SpoolItem(long ticket, AuditEntry entry) {}
