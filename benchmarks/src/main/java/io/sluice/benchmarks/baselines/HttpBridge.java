package io.sluice.benchmarks.baselines;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** A Vert.x HTTP server that hands every request body to {@code publish} and answers 202. */
final class HttpBridge {
  private HttpBridge() {}

  /** Listens on 127.0.0.1:{@code port} until the process is stopped. */
  static void serve(int port, Function<Buffer, CompletionStage<?>> publish) {
    Vertx vertx = Vertx.vertx();
    vertx
        .createHttpServer()
        .requestHandler(request -> handle(request, publish))
        .listen(port, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .join();
    System.out.println("listening on 127.0.0.1:" + port);
  }

  private static void handle(
      HttpServerRequest request, Function<Buffer, CompletionStage<?>> publish) {
    request
        .body()
        .onSuccess(
            body ->
                publish
                    .apply(body)
                    .whenComplete(
                        (ok, error) ->
                            request.response().setStatusCode(error == null ? 202 : 503).end()))
        .onFailure(error -> request.response().setStatusCode(400).end());
  }

  /** {@code <port> <nats url> <subject>}, or an explanation and exit code 2. */
  static String[] arguments(String[] args, String usage) {
    if (args.length != 3) {
      System.err.println("usage: " + usage + " <port> <nats url> <subject>");
      System.exit(2);
    }
    return args;
  }
}
