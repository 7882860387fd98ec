package io.sluice.gateway.stream;

import io.sluice.broker.StartPosition;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.subject.InvalidSubjectException;
import io.sluice.subject.SubjectPattern;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The checks before any stream starts, shared by SSE and WebSocket: a valid pattern; the caller
 * authenticated by its credentials or by a stream ticket for exactly this pattern (never a bearer
 * token in the URL); {@code subscribe} allowed on the pattern; a start position the broker can
 * honour. Any failure is answered as problem+json before the stream begins.
 */
final class StreamOpener {
  private final EndpointSupport support;
  private final Tickets tickets;
  private final ResumePoints resumePoints;

  StreamOpener(EndpointSupport support, Tickets tickets, ResumePoints resumePoints) {
    this.support = support;
    this.tickets = tickets;
    this.resumePoints = resumePoints;
  }

  CompletionStage<StreamRequest> open(RoutingContext ctx) {
    try {
      SubjectPattern pattern = pattern(ctx);
      rejectTokensInUrl(ctx.request());
      return identify(ctx, pattern.value()).thenApply(identity -> checked(ctx, identity, pattern));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private SubjectPattern pattern(RoutingContext ctx) {
    String raw = ctx.pathParam("pattern");
    support.describe(ctx, raw);
    try {
      return SubjectPattern.of(raw);
    } catch (InvalidSubjectException e) {
      throw support.problem(400, "invalid-subject", "Invalid subject pattern", e.getMessage());
    }
  }

  private CompletionStage<Identity> identify(RoutingContext ctx, String pattern) {
    String ticket = ctx.request().getParam("ticket");
    if (ticket == null) {
      return support.authenticate(ctx);
    }
    return tickets
        .redeem(ticket, pattern)
        .<CompletionStage<Identity>>map(CompletableFuture::completedFuture)
        .orElseGet(
            () ->
                CompletableFuture.failedFuture(
                    support.problem(
                        401,
                        "invalid-ticket",
                        "Invalid stream ticket",
                        "the ticket is unknown, expired, already used or issued for another"
                            + " pattern; ask POST /v1/stream-tickets for a new one")));
  }

  private StreamRequest checked(RoutingContext ctx, Identity identity, SubjectPattern pattern) {
    support.throttle(identity);
    support.authorize(identity, Action.SUBSCRIBE, pattern.value());
    HttpServerRequest request = ctx.request();
    String lastEventId = request.getHeader("Last-Event-ID");
    if (lastEventId == null) {
      lastEventId = request.getParam("lastEventId");
    }
    StartPosition start = resumePoints.start(lastEventId, request.getParam("from"));
    String resumeFrom = start instanceof StartPosition.AtSequence at ? seqBefore(at) : null;
    return new StreamRequest(identity, pattern, start, resumeFrom);
  }

  private static String seqBefore(StartPosition.AtSequence at) {
    return Long.toString(at.sequence() - 1);
  }

  private void rejectTokensInUrl(HttpServerRequest request) {
    for (String name : new String[] {"access_token", "token", "api_key"}) {
      if (request.getParam(name) != null) {
        throw support.problem(
            400,
            "credentials-in-url",
            "Credentials in the URL",
            "bearer tokens and API keys are never accepted in the URL (query parameter '"
                + name
                + "'); send them in a header, or use a ticket from POST /v1/stream-tickets");
      }
    }
  }
}
