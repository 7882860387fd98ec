package io.sluice.gateway.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.audit.AuditAction;
import io.sluice.envelope.CloudEvent;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.gateway.stream.EndpointSupport;
import io.sluice.subject.Subject;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Lends the streaming endpoints the guards, decoder and responder of the publish path. */
final class StreamingSupport implements EndpointSupport {
  private final Services services;
  private final Guards guards;
  private final EventDecoder decoder;
  private final EventPublisher publisher;
  private final AuditRecorder recorder;

  StreamingSupport(Services services) {
    this.recorder = new AuditRecorder(services);
    this.services = services;
    this.guards = new Guards(services);
    this.decoder = new EventDecoder(services.config(), services.clock());
    this.publisher = new EventPublisher(services);
  }

  @Override
  public CompletionStage<Identity> authenticate(RoutingContext ctx) {
    return guards.authenticate(ctx.request(), RequestState.of(ctx));
  }

  @Override
  public void throttle(Identity identity) {
    guards.throttle(identity, 1);
  }

  /** Subscribe and request decisions go on record; an allow the audit log refuses is a 503. */
  @Override
  public void authorize(Identity identity, Action action, String target) {
    AuditedCall call =
        new AuditedCall(
            action == Action.REQUEST ? AuditAction.REQUEST : AuditAction.SUBSCRIBE, target);
    call.identity = identity;
    try {
      call.decision = guards.authorize(identity, action, target);
    } catch (ProblemException e) {
      recorder.outcome(null, call, e.problem());
      throw e;
    }
    recorder.allow(null, call, 200);
  }

  @Override
  public boolean allows(Identity identity, Action action, String target) {
    return services.access().policy().decide(identity, action, target).allowed();
  }

  @Override
  public CloudEvent decodeEvent(RoutingContext ctx, Identity identity, Subject subject) {
    Buffer buffer = ctx.body().buffer();
    byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
    CloudEvent.Builder event = decoder.decode(ctx.request().headers(), body, subject.value());
    RequestState state = RequestState.of(ctx);
    String tracestate = ctx.request().getHeader("tracestate");
    CloudEvent stamped =
        publisher.stamp(event, identity, state.span(), tracestate, Optional.empty());
    state.eventId(stamped.id());
    return stamped;
  }

  @Override
  public RuntimeException problem(int status, String slug, String title, String detail) {
    return Problems.fail(Problem.of(status, slug, title, detail));
  }

  /** Failures leave as problem+json; a 401 is recorded here (denials are, in authorize). */
  @Override
  public void fail(RoutingContext ctx, Throwable failure) {
    Problem problem = ProblemException.toProblem(failure);
    if (problem.status() == 401) {
      boolean request = ctx.request().path().startsWith("/v1/request/");
      AuditedCall call =
          new AuditedCall(
              request ? AuditAction.REQUEST : AuditAction.SUBSCRIBE,
              RequestState.of(ctx).subject());
      recorder.outcome(ctx, call, problem);
    }
    Responder.sendProblem(ctx, problem);
  }

  @Override
  public void describe(RoutingContext ctx, String subject) {
    RequestState.of(ctx).subject(subject);
  }

  @Override
  public MeterRegistry registry() {
    return services.metrics().registry();
  }
}
