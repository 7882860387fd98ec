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
  private final String subscription;

  OutcomeReporter(ClientContext context, String subscription) {
    this.context = context;
    this.subscription = subscription;
  }

  void report(Attempt attempt, Outcome outcome, Duration latency) {
    CloudEvent e = attempt.delivery().event();
    int n = attempt.number();
    switch (outcome) {
      case Outcome.Done d -> {
        context.emit(new SluiceEvent.Handled(subscription, e.id(), e.type(), n, latency));
        LOG.debug("{} handled {} {} (correlation {})", subscription, e.type(), e.id(), corr(e));
      }
      case Outcome.Duplicate d -> {
        context.emit(new SluiceEvent.DuplicateSkipped(subscription, e.id(), e.type(), d.key()));
        LOG.debug("{} skipped duplicate {} {} (correlation {})", subscription, e.type(), e.id(),
            corr(e));
      }
      case Outcome.Retry r -> {
        failed(e, n, r.cause(), true);
        context.emit(new SluiceEvent.Retried(subscription, e.id(), e.type(), n + 1, r.delay()));
        LOG.info("{} attempt {} of {} {} failed ({}); retrying in {} (correlation {})",
            subscription, n, e.type(), e.id(), r.cause().toString(), r.delay(), corr(e));
      }
      case Outcome.DeadLettered d -> {
        failed(e, n, d.cause(), false);
        context.emit(new SluiceEvent.DeadLettered(
            subscription, e.id(), e.type(), d.deadLetter(), d.reason(), n));
        LOG.warn("{} dead-lettered {} {} to {} after {} attempts, reason {}: {} (correlation {})",
            subscription, e.type(), e.id(), d.deadLetter(), n, d.reason(), d.cause().toString(),
            corr(e));
      }
      case Outcome.Failed f -> {
        failed(e, n, f.cause(), false);
        LOG.error("{} gave up on {} {} after {} attempts with no dead-letter subject: {}"
            + " (correlation {})", subscription, e.type(), e.id(), n, f.cause().toString(),
            corr(e));
      }
    }
  }

  private void failed(CloudEvent e, int attempt, Throwable cause, boolean willRetry) {
    context.emit(new SluiceEvent.Failed(subscription, e.id(), e.type(), attempt,
        cause.getClass().getName(), DeadLetterStage.messageOf(cause), willRetry));
  }

  private static String corr(CloudEvent e) {
    return e.extensionAsString(Extensions.CORRELATION_ID).orElse("-");
  }
}
