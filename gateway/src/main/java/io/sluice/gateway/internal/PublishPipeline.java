package io.sluice.gateway.internal;

import io.sluice.audit.AuditAction;
import io.sluice.broker.AckMode;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.gateway.idempotency.StoredResponse;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.subject.InvalidSubjectException;
import io.sluice.subject.Subject;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/events/{subject}}: one event, through named stages that read top to bottom. Each
 * stage either passes the {@link Publish} on or fails with a problem; {@link #respond} turns the
 * outcome into 202 with a receipt, a replayed answer, or problem+json.
 */
final class PublishPipeline {
  private final Services services;
  private final Guards guards;
  private final IdempotencyGuard idempotency;
  private final EventDecoder decoder;
  private final EventPublisher publisher;
  private final AuditRecorder recorder;
  private final ContractCheck contracts;

  PublishPipeline(Services services) {
    this.recorder = new AuditRecorder(services);
    this.services = services;
    this.guards = new Guards(services);
    this.idempotency = new IdempotencyGuard(services.idempotency());
    this.decoder = new EventDecoder(services.config(), services.clock());
    this.publisher = new EventPublisher(services);
    this.contracts = new ContractCheck(services.schemas());
  }

  void handle(RoutingContext ctx) {
    Publish p = new Publish(ctx, RequestState.of(ctx));
    CompletableFuture<Publish> outcome =
        CompletableFuture.completedFuture(p)
            .thenCompose(this::authenticate)
            .thenApply(this::throttle)
            .thenApply(this::authorize)
            .thenApply(this::claimIdempotencyKey)
            .thenApply(this::decode)
            .thenApply(this::validate)
            .thenApply(this::audit)
            .thenCompose(this::publish);
    Future.fromCompletionStage(outcome, ctx.vertx().getOrCreateContext())
        .onComplete(ar -> respond(p, ar.cause()));
  }

  private CompletableFuture<Publish> authenticate(Publish p) {
    p.audited.subject = p.ctx.pathParam("subject");
    p.subject = subject(p.ctx.pathParam("subject"));
    p.state.subject(p.subject.value());
    return guards
        .authenticate(p.request(), p.state)
        .thenApply(
            identity -> {
              p.identity = identity;
              p.audited.identity = identity;
              return p;
            })
        .toCompletableFuture();
  }

  private Publish throttle(Publish p) {
    guards.throttle(p.identity, 1);
    return p;
  }

  private Publish authorize(Publish p) {
    p.audited.decision = guards.authorize(p.identity, Action.PUBLISH, p.subject.value());
    return p;
  }

  private Publish claimIdempotencyKey(Publish p) {
    p.key = IdempotencyGuard.key(p.request().getHeader(IdempotencyGuard.HEADER));
    p.key.ifPresent(
        k -> {
          String hash =
              IdempotencyGuard.hash(
                  p.subject.value(), p.request().getHeader("Content-Type"), p.body());
          idempotency.claim(p.identity.id(), k, hash);
          p.claimed = true;
        });
    return p;
  }

  private Publish decode(Publish p) {
    p.ackMode = publisher.ackMode(p.request(), p.subject);
    p.draft = decoder.decode(p.request().headers(), p.body(), p.subject.value());
    return p;
  }

  private Publish validate(Publish p) {
    String tracestate = p.request().getHeader("tracestate");
    p.event = publisher.stamp(p.draft, p.identity, p.state.span(), tracestate, p.key);
    p.state.eventId(p.event.id());
    p.event.extensionAsString(Extensions.CORRELATION_ID).ifPresent(p.state::correlationId);
    contracts.require(p.event, p.subject);
    return p;
  }

  /**
   * The audit log accepts the allow decision before the broker sees the event (503 if it cannot)
   * and keeps room for it; the one record is written with the outcome, in {@link #respond}.
   */
  private Publish audit(Publish p) {
    p.audited.eventId = p.event.id();
    p.audited.idempotencyKey = p.key.orElse(null);
    recorder.hold(p.ctx, p.audited);
    return p;
  }

  private CompletableFuture<Publish> publish(Publish p) {
    return publisher
        .publish(p.subject, p.event, p.ackMode)
        .thenApply(
            receipt -> {
              p.receipt = EventPublisher.receipt(receipt);
              p.response = Responder.json(202, p.receipt);
              return p;
            });
  }

  private void respond(Publish p, Throwable failure) {
    IdempotencyGuard.Replayed replay = replayed(failure);
    if (replay != null) {
      Responder.send(p.ctx, replay.response(), Map.of("Idempotent-Replayed", "true"));
      return;
    }
    StoredResponse response = failure == null ? p.response : problem(p, failure);
    if (failure == null) {
      recorder.succeeded(p.ctx, p.audited, 202, String.valueOf(p.receipt));
    }
    if (p.claimed) {
      idempotency.finish(p.identity.id(), p.key.orElseThrow(), response);
    }
    Responder.send(p.ctx, response);
  }

  private StoredResponse problem(Publish p, Throwable failure) {
    Problem problem = ProblemException.toProblem(failure);
    p.audited.identity = p.identity;
    recorder.outcome(p.ctx, p.audited, problem);
    return Responder.problem(p.ctx, problem);
  }

  private static Subject subject(String raw) {
    try {
      return Subject.of(raw);
    } catch (InvalidSubjectException e) {
      throw Problems.fail(Problems.invalidSubject(e));
    }
  }

  /** The replay signal, wherever the completion wrapped it; null when the failure is another. */
  static IdempotencyGuard.Replayed replayed(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IdempotencyGuard.Replayed r) {
        return r;
      }
    }
    return null;
  }

  /** One publish as it moves through the stages. */
  private static final class Publish {
    final RoutingContext ctx;
    final RequestState state;
    Subject subject;
    Identity identity;
    Optional<String> key = Optional.empty();
    boolean claimed;
    AckMode ackMode;
    CloudEvent.Builder draft;
    CloudEvent event;
    StoredResponse response;
    Map<String, Object> receipt;
    final AuditedCall audited = new AuditedCall(AuditAction.PUBLISH, null);

    Publish(RoutingContext ctx, RequestState state) {
      this.ctx = ctx;
      this.state = state;
    }

    HttpServerRequest request() {
      return ctx.request();
    }

    byte[] body() {
      Buffer buffer = ctx.body().buffer();
      return buffer == null ? new byte[0] : buffer.getBytes();
    }
  }
}
