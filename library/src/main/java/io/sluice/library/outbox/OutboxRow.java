package io.sluice.library.outbox;

import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;

/** One claimed outbox row. */
record OutboxRow(long seq, Subject subject, CloudEvent event) {}
