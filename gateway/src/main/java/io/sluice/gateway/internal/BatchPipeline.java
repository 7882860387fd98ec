package io.sluice.gateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.audit.AuditAction;
import io.sluice.envelope.CloudEvent;
import io.sluice.gateway.idempotency.StoredResponse;
import io.sluice.gateway.identity.Identity;
import io.sluice.gateway.policy.Action;
import io.sluice.subject.InvalidSubjectException;
import io.sluice.subject.Subject;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/events}: a JSON array of structured events. The request as a whole is
 * authenticated, rate-limited (one token per event) and size-checked; then each event is
 * independent: its own subject, authorization, validation and publish, and its own result. No
 * all-or-nothing: 202 when every event was accepted, otherwise 207 with a result per event.
 */
final class BatchPipeline {
  private final Services services;
  private final Guards guards;
  private final IdempotencyGuard idempotency;
  private final EventDecoder decoder;
  private final EventPublisher publisher;
  private final AuditRecorder recorder;
  private final ContractCheck contracts;

  BatchPipeline(Services services) {
    this.recorder = new AuditRecorder(services);
    this.services = services;
    this.guards = new Guards(services);
    this.idempotency = new IdempotencyGuard(services.idempotency());
    this.decoder = new EventDecoder(services.config(), services.clock());
    this.publisher = new EventPublisher(services);
    this.contracts = new ContractCheck(services.schemas());
  }

  void handle(RoutingContext ctx) {
    RequestState state = RequestState.of(ctx);
    byte[] body = body(ctx);
    Identity[] who = new Identity[1];
    CompletableFuture<StoredResponse> outcome =
        guards
            .authenticate(ctx.request(), state)
            .toCompletableFuture()
            .thenApply(identity -> who[0] = identity)
            .thenApply(identity -> parse(ctx, body))
            .thenApply(
                items -> {
                  guards.throttle(who[0], items.size());
                  claim(ctx, who[0], body);
                  return items;
                })
            .thenCompose(items -> publishAll(ctx, state, who[0], items))
            .thenApply(BatchPipeline::summarize);
    Future.fromCompletionStage(outcome, ctx.vertx().getOrCreateContext())
        .onComplete(ar -> respond(ctx, who[0], ar.result(), ar.cause()));
  }

  private List<JsonNode> parse(RoutingContext ctx, byte[] body) {
    String mediaType = MediaTypes.bare(ctx.request().getHeader("Content-Type"));
    MediaTypes.requireAllowed(mediaType, services.config().limits().allowedContentTypes());
    if (!mediaType.equals(MediaTypes.BATCH)) {
      throw Problems.fail(
          Problems.unsupportedMediaType(
              "POST /v1/events takes " + MediaTypes.BATCH + ", not " + mediaType));
    }
    JsonNode root = EventDecoder.parseJson(body, "the batch");
    if (!root.isArray()) {
      throw Problems.fail(Problems.malformed("a batch must be a JSON array of events"));
    }
    int max = services.config().limits().maxBatchSize();
    if (root.size() > max) {
      throw Problems.fail(
          Problems.payloadTooLarge(
              "the batch has " + root.size() + " events; limits.maxBatchSize is " + max));
    }
    List<JsonNode> items = new ArrayList<>();
    root.forEach(items::add);
    return items;
  }

  private void claim(RoutingContext ctx, Identity identity, byte[] body) {
    IdempotencyGuard.key(ctx.request().getHeader(IdempotencyGuard.HEADER))
        .ifPresent(
            k -> {
              String target =
                  "batch?subject="
                      + Optional.ofNullable(ctx.request().getParam("subject")).orElse("");
              idempotency.claim(identity.id(), k, IdempotencyGuard.hash(target, "batch", body));
              ctx.put("sluice.idempotency.key", k);
            });
  }

  private CompletableFuture<List<Map<String, Object>>> publishAll(
      RoutingContext ctx, RequestState state, Identity identity, List<JsonNode> items) {
    List<CompletableFuture<Map<String, Object>>> results = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      results.add(publishOne(ctx, state, identity, items.get(i), i));
    }
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .thenApply(v -> results.stream().map(CompletableFuture::join).toList());
  }

  private CompletableFuture<Map<String, Object>> publishOne(
      RoutingContext ctx, RequestState state, Identity identity, JsonNode item, int index) {
    AuditedCall call = new AuditedCall(AuditAction.BATCH_ITEM, rawSubject(ctx, item));
    call.identity = identity;
    try {
      Subject subject = subjectOf(ctx, item);
      call.decision = guards.authorize(identity, Action.PUBLISH, subject.value());
      Optional<String> key =
          Optional.ofNullable((String) ctx.get("sluice.idempotency.key")).map(k -> k + "/" + index);
      CloudEvent event =
          publisher.stamp(
              decoder.structured(item),
              identity,
              state.span(),
              ctx.request().getHeader("tracestate"),
              key);
      contracts.require(event, subject);
      call.eventId = event.id();
      call.idempotencyKey = key.orElse(null);
      recorder.hold(ctx, call);
      return publisher
          .publish(subject, event, publisher.ackMode(ctx.request(), subject))
          .handle((receipt, error) -> audited(ctx, call, itemResult(ctx, index, receipt, error)));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(audited(ctx, call, itemResult(ctx, index, null, e)));
    }
  }

  /** Records an item's outcome: its receipt, or the problem it was answered with. */
  private Map<String, Object> audited(
      RoutingContext ctx, AuditedCall call, Map<String, Object> result) {
    Object problem = result.get("problem");
    if (problem == null) {
      recorder.succeeded(ctx, call, 202, String.valueOf(result.get("receipt")));
    } else {
      recorder.outcome(ctx, call, (Problem) result.get("failure"));
    }
    result.remove("failure");
    return result;
  }

  private static String rawSubject(RoutingContext ctx, JsonNode item) {
    JsonNode attribute = item.get("subject");
    return attribute != null && attribute.isTextual()
        ? attribute.asText()
        : ctx.request().getParam("subject");
  }

  private Subject subjectOf(RoutingContext ctx, JsonNode item) {
    JsonNode attribute = item.get("subject");
    String raw =
        attribute != null && attribute.isTextual()
            ? attribute.asText()
            : ctx.request().getParam("subject");
    if (raw == null) {
      throw Problems.fail(
          Problems.invalidParameter(
              "subject", "the event has no subject attribute and no ?subject= default was given"));
    }
    try {
      return Subject.of(raw);
    } catch (InvalidSubjectException e) {
      throw Problems.fail(Problems.invalidSubject(e));
    }
  }

  private static Map<String, Object> itemResult(
      RoutingContext ctx, int index, io.sluice.broker.PublishReceipt receipt, Throwable error) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("index", index);
    if (error == null) {
      result.put("status", 202);
      result.put("receipt", EventPublisher.receipt(receipt));
    } else {
      Problem problem = ProblemException.toProblem(error);
      result.put("status", problem.status());
      result.put("problem", problem.toJson(RequestState.of(ctx).requestId()));
      result.put("failure", problem);
    }
    return result;
  }

  private static StoredResponse summarize(List<Map<String, Object>> results) {
    boolean allAccepted =
        results.stream().allMatch(r -> Integer.valueOf(202).equals(r.get("status")));
    return Responder.json(allAccepted ? 202 : 207, Map.of("results", results));
  }

  private void respond(
      RoutingContext ctx, Identity identity, StoredResponse ok, Throwable failure) {
    IdempotencyGuard.Replayed replay = PublishPipeline.replayed(failure);
    if (replay != null) {
      Responder.send(ctx, replay.response(), Map.of("Idempotent-Replayed", "true"));
      return;
    }
    StoredResponse response = failure == null ? ok : problem(ctx, identity, failure);
    String key = ctx.get("sluice.idempotency.key");
    if (key != null) {
      idempotency.finish(identity.id(), key, response);
    }
    Responder.send(ctx, response);
  }

  /** A failure of the whole batch (401, 429, a malformed body) is one audit record. */
  private StoredResponse problem(RoutingContext ctx, Identity identity, Throwable failure) {
    Problem problem = ProblemException.toProblem(failure);
    AuditedCall call = new AuditedCall(AuditAction.BATCH_ITEM, ctx.request().getParam("subject"));
    call.identity = identity;
    recorder.outcome(ctx, call, problem);
    return Responder.problem(ctx, problem);
  }

  private static byte[] body(RoutingContext ctx) {
    Buffer buffer = ctx.body().buffer();
    return buffer == null ? new byte[0] : buffer.getBytes();
  }
}
