package io.sluice.gateway.push;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs to one endpoint over a connection pool sized to the subscription's concurrency. The
 * answer's body is read and discarded so the connection returns to the pool; any failure becomes an
 * {@link AttemptResult}, never an exception.
 */
final class EndpointClient {
  private final HttpClient http;
  private final URI endpoint;
  private final long timeoutMillis;

  EndpointClient(Vertx vertx, PushSubscription s) {
    this.endpoint = s.endpoint();
    this.timeoutMillis = s.timeout().toMillis();
    HttpClientOptions options =
        new HttpClientOptions()
            .setVerifyHost(true)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
    http =
        vertx
            .httpClientBuilder()
            .with(options)
            .with(new PoolOptions().setHttp1MaxSize(s.concurrency()))
            .build();
  }

  Future<AttemptResult> post(MultiMap headers, byte[] body) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(endpoint.toString())
            .setHeaders(headers)
            .setTimeout(timeoutMillis);
    return http.request(options)
        .compose(request -> request.send(Buffer.buffer(body)))
        .compose(response -> response.body().map(ignored -> response.statusCode()))
        .map(AttemptResult::answered)
        .otherwise(EndpointClient::failure);
  }

  void close() {
    http.shutdown(1, TimeUnit.SECONDS);
  }

  private static AttemptResult failure(Throwable error) {
    String kind =
        error instanceof TimeoutException
                || String.valueOf(error.getMessage())
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("timeout")
            ? "timeout"
            : "connection failed";
    return AttemptResult.failed(kind + ": " + error.getClass().getSimpleName());
  }
}
