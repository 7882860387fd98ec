package io.sluice.gateway.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.envelope.CloudEvent;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.subject.Subject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionStage;

/**
 * What the streaming endpoints borrow from the gateway's request path, so that authentication,
 * policy, event decoding and problem+json answers behave exactly as they do for publishes.
 */
public interface EndpointSupport {

  /** Verifies the request's credentials; fails with a 401 problem when absent or wrong. */
  CompletionStage<Identity> authenticate(RoutingContext ctx);

  /** Takes one token from the identity's rate limit; throws a 429 problem when empty. */
  void throttle(Identity identity);

  /** Asks the policy; throws a 403 problem naming the deciding rule when denied. */
  void authorize(Identity identity, Action action, String target);

  /** Asks the policy without answering: true when {@code action} on {@code target} is allowed. */
  boolean allows(Identity identity, Action action, String target);

  /** Decodes the request body as publishes do and stamps the caller's identity onto it. */
  CloudEvent decodeEvent(RoutingContext ctx, Identity identity, Subject subject);

  /** A failure carrying a problem with this status, slug, title and detail. */
  RuntimeException problem(int status, String slug, String title, String detail);

  /** Answers the request with the problem a failure stands for. */
  void fail(RoutingContext ctx, Throwable failure);

  /** Tags the request's log line and span with the subject or pattern it concerns. */
  void describe(RoutingContext ctx, String subject);

  /** Where stream meters are registered (served by {@code /metrics}). */
  MeterRegistry registry();
}
