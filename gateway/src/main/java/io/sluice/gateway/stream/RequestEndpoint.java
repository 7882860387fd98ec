package io.sluice.gateway.stream;

import io.sluice.broker.Broker;
import io.sluice.broker.NoRespondersException;
import io.sluice.broker.RequestTimeoutException;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.subject.InvalidSubjectException;
import io.sluice.subject.Subject;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v1/request/{subject}?timeout=5s}: the body becomes a request event exactly as a
 * publish body would (identity stamped), the broker carries it to a responder, and the reply event
 * is the answer (200, structured CloudEvent). No reply in time is 504; nobody listening is 503.
 */
final class RequestEndpoint {
  private final Broker broker;
  private final EndpointSupport support;

  RequestEndpoint(Broker broker, EndpointSupport support) {
    this.broker = broker;
    this.support = support;
  }

  void handle(RoutingContext ctx) {
    Future.fromCompletionStage(support.authenticate(ctx), ctx.vertx().getOrCreateContext())
        .compose(identity -> Future.fromCompletionStage(request(ctx, identity)))
        .onSuccess(
            reply -> Replies.send(ctx, 200, JsonFormat.CONTENT_TYPE, JsonFormat.encode(reply)))
        .onFailure(failure -> support.fail(ctx, translated(failure)));
  }

  private CompletionStage<CloudEvent> request(RoutingContext ctx, Identity identity) {
    Subject subject = subject(ctx);
    support.throttle(identity);
    support.authorize(identity, Action.REQUEST, subject.value());
    Duration timeout = timeout(ctx);
    CloudEvent event = support.decodeEvent(ctx, identity, subject);
    return broker.request(subject, event, timeout);
  }

  private Subject subject(RoutingContext ctx) {
    String raw = ctx.pathParam("subject");
    support.describe(ctx, raw);
    try {
      return Subject.of(raw);
    } catch (InvalidSubjectException e) {
      throw support.problem(400, "invalid-subject", "Invalid subject", e.getMessage());
    }
  }

  private Duration timeout(RoutingContext ctx) {
    String text = ctx.request().getParam("timeout");
    Duration timeout = RequestTimeouts.parse(text);
    if (timeout == null) {
      throw support.problem(
          400,
          "invalid-parameter",
          "Invalid parameter",
          "timeout must be a duration such as 250ms, 5s or PT5S, at most "
              + RequestTimeouts.MAX.toSeconds()
              + "s, but was '"
              + text
              + "'");
    }
    return timeout;
  }

  private Throwable translated(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return switch (t) {
      case RequestTimeoutException e ->
          support.problem(
              504, "request-timeout", "No reply in time", "no reply arrived within the timeout");
      case NoRespondersException e ->
          support.problem(
              503, "no-responders", "No responders", "nobody listens for requests on this subject");
      default -> t;
    };
  }
}
