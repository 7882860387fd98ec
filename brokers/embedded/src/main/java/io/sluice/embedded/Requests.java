package io.sluice.embedded;

import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.NoRespondersException;
import io.sluice.broker.RequestTimeoutException;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Request-reply inside the process: a request goes to every private subscription and to one member
 * of every group whose pattern matches; the first reply wins. Nothing is persisted.
 */
final class Requests {
  private final ScheduledExecutorService timers;
  private final Set<CompletableFuture<CloudEvent>> open = ConcurrentHashMap.newKeySet();

  Requests(ScheduledExecutorService timers) {
    this.timers = timers;
  }

  CompletableFuture<CloudEvent> send(
      Subject subject, CloudEvent request, Duration timeout, List<Member> responders) {
    if (responders.isEmpty()) {
      return CompletableFuture.failedFuture(new NoRespondersException(subject));
    }
    CompletableFuture<CloudEvent> reply = new CompletableFuture<>();
    open.add(reply);
    reply.whenComplete((r, e) -> open.remove(reply));
    var timer =
        timers.schedule(
            () -> reply.completeExceptionally(new RequestTimeoutException(subject, timeout)),
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    reply.whenComplete((r, e) -> timer.cancel(false));
    responders.forEach(m -> m.enqueue(new RequestDelivery(subject, request, reply)));
    return reply;
  }

  void close() {
    var closed = new BrokerClosedException("embedded broker closed before a reply arrived");
    open.forEach(f -> f.completeExceptionally(closed));
  }
}
