package io.sluice.gateway.push;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP endpoint on a free loopback port that records every request it receives and answers
 * with the status {@code answer} gives for the request's attempt number at that event (1, 2, …),
 * optionally after a delay. Tracks the most requests it ever held at once.
 */
final class WebhookEndpoint implements AutoCloseable {
  record Received(MultiMap headers, byte[] body, int answered) {
    String eventId() {
      try {
        return JSON.readTree(body).get("id").asText();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private final Vertx vertx = Vertx.vertx();
  private final List<Received> received = new ArrayList<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger maxOpen = new AtomicInteger();
  private final HttpServer server;

  WebhookEndpoint(IntUnaryOperator answer, long delayMillis) throws Exception {
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            body -> {
                              maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                              String key = new String(body.getBytes(), StandardCharsets.UTF_8);
                              int attempt =
                                  attempts
                                      .computeIfAbsent(key, k -> new AtomicInteger())
                                      .incrementAndGet();
                              int status = answer.applyAsInt(attempt);
                              synchronized (received) {
                                received.add(new Received(req.headers(), body.getBytes(), status));
                              }
                              Runnable reply =
                                  () -> {
                                    open.decrementAndGet();
                                    req.response().setStatusCode(status).end("ok");
                                  };
                              if (delayMillis > 0) {
                                vertx.setTimer(delayMillis, t -> reply.run());
                              } else {
                                reply.run();
                              }
                            }))
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/hook";
  }

  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** The ids of the events whose request was answered with a 2xx status. */
  Set<String> acceptedEventIds() {
    return received().stream()
        .filter(r -> r.answered() < 300)
        .map(Received::eventId)
        .collect(Collectors.toSet());
  }

  int maxOpen() {
    return maxOpen.get();
  }

  /** Verifies a request's signature the way a receiver would, with nothing but the JDK. */
  static boolean signatureVerifies(Received r, String secret) throws Exception {
    String header = r.headers().get("Sluice-Signature");
    String t = header.substring(2, header.indexOf(','));
    String v1 = header.substring(header.indexOf("v1=") + 3);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
    byte[] expected = mac.doFinal(r.body());
    return java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
