package io.sluice.library.internal;

import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.library.SluiceEvent;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Emits the {@link SluiceEvent}s for an outcome and logs it with type, id and correlation id. */
final class OutcomeReporter {
  private static final Logger LOG = LoggerFactory.getLogger("io.sluice.library.handler");

  private final ClientContext context;
  private final String name;

  OutcomeReporter(ClientContext context, String subscription) {
    this.context = context;
    this.name = subscription;
  }

  void report(Attempt attempt, Outcome outcome, Duration latency) {
    CloudEvent e = attempt.delivery().event();
    int n = attempt.number();
    if (outcome instanceof Outcome.Done) {
      context.emit(new SluiceEvent.Handled(name, e.id(), e.type(), n, latency));
      LOG.debug("{} handled {} {} (correlation {})", name, e.type(), e.id(), corr(e));
    } else if (outcome instanceof Outcome.Duplicate d) {
      context.emit(new SluiceEvent.DuplicateSkipped(name, e.id(), e.type(), d.key()));
      LOG.debug("{} skipped duplicate {} {} (correlation {})", name, e.type(), e.id(), corr(e));
    } else if (outcome instanceof Outcome.Deferred d) {
      LOG.debug(
          "{} deferred {} {}: key '{}' is being handled elsewhere",
          name,
          e.type(),
          e.id(),
          d.key());
    } else if (outcome instanceof Outcome.Retry r) {
      retried(e, n, r);
    } else if (outcome instanceof Outcome.DeadLettered d) {
      deadLettered(e, n, d);
    } else if (outcome instanceof Outcome.Failed f) {
      failed(e, n, f.cause(), false);
      LOG.error(
          "{} gave up on {} {} after {} attempts with no dead-letter subject: {} (correlation {})",
          name,
          e.type(),
          e.id(),
          n,
          f.cause().toString(),
          corr(e));
    }
  }

  private void retried(CloudEvent e, int n, Outcome.Retry r) {
    failed(e, n, r.cause(), true);
    context.emit(new SluiceEvent.Retried(name, e.id(), e.type(), n + 1, r.delay()));
    LOG.info(
        "{} attempt {} of {} {} failed ({}); retrying in {} (correlation {})",
        name,
        n,
        e.type(),
        e.id(),
        r.cause().toString(),
        r.delay(),
        corr(e));
  }

  private void deadLettered(CloudEvent e, int n, Outcome.DeadLettered d) {
    failed(e, n, d.cause(), false);
    context.emit(
        new SluiceEvent.DeadLettered(name, e.id(), e.type(), d.deadLetter(), d.reason(), n));
    LOG.warn(
        "{} dead-lettered {} {} to {} after {} attempts, reason {}: {} (correlation {})",
        name,
        e.type(),
        e.id(),
        d.deadLetter(),
        n,
        d.reason(),
        d.cause().toString(),
        corr(e));
  }

  private void failed(CloudEvent e, int attempt, Throwable cause, boolean willRetry) {
    context.emit(
        new SluiceEvent.Failed(
            name,
            e.id(),
            e.type(),
            attempt,
            cause.getClass().getName(),
            DeadLetterStage.messageOf(cause),
            willRetry));
  }

  private static String corr(CloudEvent e) {
    return e.extensionAsString(Extensions.CORRELATION_ID).orElse("-");
  }
}
