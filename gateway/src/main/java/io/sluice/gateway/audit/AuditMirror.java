package io.sluice.gateway.audit;

import io.sluice.audit.AuditRecord;
import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Publishes each durable audit record, hash included, to the mirror subject. Fire-and-forget: the
 * record is already stored, and a mirror publish is not itself audited (that would never end).
 */
final class AuditMirror implements Consumer<AuditRecord> {
  static final String EVENT_TYPE = "io.sluice.audit.record";
  static final String SOURCE = "/sluice/audit";

  private final Broker broker;
  private final Subject subject;

  AuditMirror(Broker broker, String subject) {
    this.broker = broker;
    this.subject = Subject.of(subject);
  }

  @Override
  public void accept(AuditRecord record) {
    broker.publish(subject, event(record), AckMode.FIRE_AND_FORGET);
  }

  static CloudEvent event(AuditRecord record) {
    CloudEvent.Builder b =
        CloudEvent.builder()
            .id(record.chain() + "-" + record.seq())
            .source(SOURCE)
            .type(EVENT_TYPE)
            .time(record.time())
            .data("application/json", record.toJson().getBytes(StandardCharsets.UTF_8));
    if (record.subject() != null) {
      b.subject(record.subject());
    }
    return b.build();
  }
}
