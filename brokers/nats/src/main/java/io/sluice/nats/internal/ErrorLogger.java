package io.sluice.nats.internal;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports what jnats notices through SLF4J. A slow core subscriber whose pending messages were
 * dropped by the client is a WARN (the first time, DEBUG after), since core NATS delivery is at
 * most once; transport errors are DEBUG, the connection state already tells the story.
 */
final class ErrorLogger implements ErrorListener {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorLogger.class);

  private final String url;
  private final AtomicBoolean warnedSlow = new AtomicBoolean();

  ErrorLogger(String redactedUrl) {
    this.url = redactedUrl;
  }

  @Override
  public void errorOccurred(Connection conn, String error) {
    LOG.warn("NATS server {} reported: {}", url, error);
  }

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {
    LOG.debug("NATS connection to {}: {}", url, exp.toString());
  }

  @Override
  public void slowConsumerDetected(Connection conn, Consumer consumer) {
    String message =
        "a core NATS subscriber on "
            + url
            + " is too slow; the client drops messages beyond its pending limit";
    if (warnedSlow.compareAndSet(false, true)) {
      LOG.warn(message);
    } else {
      LOG.debug(message);
    }
  }
}
