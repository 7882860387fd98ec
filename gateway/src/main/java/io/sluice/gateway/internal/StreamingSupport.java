package io.sluice.gateway.internal;

import io.micrometer.core.instrument.MeterRegistry;
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

  StreamingSupport(Services services) {
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

  @Override
  public void authorize(Identity identity, Action action, String target) {
    guards.authorize(identity, action, target);
  }

  @Override
  public boolean allows(Identity identity, Action action, String target) {
    return services.access().policy().decide(identity, action, target).allowed();
  }

  @Override
  public CloudEvent decodeEvent(RoutingContext ctx, Identity identity, Subject subject) {
    Buffer buffer = ctx.body().buffer();
    byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
    CloudEvent event = decoder.decode(ctx.request().headers(), body, subject.value());
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

  @Override
  public void fail(RoutingContext ctx, Throwable failure) {
    Responder.sendProblem(ctx, ProblemException.toProblem(failure));
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
