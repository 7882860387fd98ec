package io.sluice.gateway.proxy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.IntConsumer;

/**
 * Streams an upstream's answer to the caller chunk by chunk, pausing the upstream while the
 * caller's connection is full. It writes only while the caller is still there: once the caller has
 * gone ({@link ProxiedRequest#callerGone}, whose handler resets the upstream request) it stops and
 * reports {@link Forwarder#CALLER_GONE}. When the upstream breaks off mid-body the caller's
 * connection is reset, so a truncated answer never looks complete. The outcome is reported once.
 */
final class ResponseRelay {
  private final ProxiedRequest p;
  private final HttpClientResponse in;
  private final HttpServerResponse out;
  private final IntConsumer done;
  private boolean finished;

  private ResponseRelay(ProxiedRequest p, HttpClientResponse in, IntConsumer done) {
    this.p = p;
    this.in = in;
    this.out = p.ctx.response();
    this.done = done;
  }

  /** Relays {@code in} to the caller; {@code done} gets the status the call ends with. */
  static void relay(ProxiedRequest p, HttpClientResponse in, IntConsumer done) {
    ResponseRelay relay = new ResponseRelay(p, in, done);
    in.handler(relay::chunk);
    in.exceptionHandler(relay::broken);
    in.endHandler(v -> relay.ended());
  }

  private boolean callerThere() {
    return !p.callerGone && !out.closed() && !out.ended();
  }

  private void chunk(Buffer chunk) {
    if (finished) {
      return;
    }
    if (!callerThere()) {
      finish(Forwarder.CALLER_GONE);
      return;
    }
    out.write(chunk);
    if (out.writeQueueFull()) {
      in.pause();
      out.drainHandler(v -> in.resume());
    }
  }

  private void ended() {
    if (finished) {
      return;
    }
    if (!callerThere()) {
      finish(Forwarder.CALLER_GONE);
      return;
    }
    out.end();
    finish(in.statusCode());
  }

  private void broken(Throwable upstreamFailure) {
    if (finished) {
      return;
    }
    if (!callerThere()) {
      finish(Forwarder.CALLER_GONE);
      return;
    }
    out.reset();
    finish(in.statusCode());
  }

  /** Stops reading the upstream (resetting it when it has more to send) and reports once. */
  private void finish(int status) {
    finished = true;
    in.handler(null);
    if (status == Forwarder.CALLER_GONE) {
      in.request().reset();
    }
    done.accept(status);
  }
}
