package io.sluice.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Real HTTP servers on 127.0.0.1 standing in for the services behind the proxy. Each records the
 * headers of every request it receives and answers through a handler given its index.
 */
final class UpstreamServers implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();
  final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

  /** One request as an upstream saw it. */
  record Received(int instance, String method, String uri, MultiMap headers) {}

  /** {@code count} servers answering through {@code handler(instance, request)}. */
  static UpstreamServers start(int count, BiConsumer<Integer, HttpServerRequest> handler) {
    return start(count, new HttpServerOptions(), handler);
  }

  static UpstreamServers start(
      int count, HttpServerOptions options, BiConsumer<Integer, HttpServerRequest> handler) {
    UpstreamServers u = new UpstreamServers();
    for (int i = 0; i < count; i++) {
      u.listen(i, 0, options, handler);
    }
    return u;
  }

  /** Answers 200 with the instance index as the body. */
  static BiConsumer<Integer, HttpServerRequest> whoAmI() {
    return (i, req) -> req.response().end("instance-" + i);
  }

  void listen(
      int index,
      int port,
      HttpServerOptions options,
      BiConsumer<Integer, HttpServerRequest> handler) {
    Handler<HttpServerRequest> recording =
        req -> {
          received.add(
              new Received(
                  index,
                  req.method().name(),
                  req.uri(),
                  MultiMap.caseInsensitiveMultiMap().addAll(req.headers())));
          handler.accept(index, req);
        };
    HttpServer server =
        await(
            vertx
                .createHttpServer(
                    new HttpServerOptions(options.toJson()).setHost("127.0.0.1").setPort(port))
                .requestHandler(recording)
                .listen());
    if (index < servers.size()) {
      servers.set(index, server);
    } else {
      servers.add(server);
      ports.add(server.actualPort());
    }
  }

  Vertx vertx() {
    return vertx;
  }

  HttpServer server(int index) {
    return servers.get(index);
  }

  int port(int index) {
    return ports.get(index);
  }

  /** Stops one instance, as if its process died. */
  void kill(int index) {
    await(servers.get(index).close());
  }

  List<Received> receivedBy(int instance) {
    return received.stream().filter(r -> r.instance() == instance).toList();
  }

  /** The YAML list of instance URLs. */
  String instances(String scheme) {
    return ports.stream().map(p -> "\"" + scheme + "://127.0.0.1:" + p + "\"").toList().toString();
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("upstream server operation failed: " + e, e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
