package io.sluice.gateway.proxy;

import java.net.URI;

/**
 * One upstream instance and what the pool knows about it: requests in flight, and its health as
 * consecutive failures and successes. An instance is ejected after {@code unhealthyAfter}
 * consecutive failures and readmitted after {@code healthyAfter} consecutive successful health
 * checks (or, without active checks, when its trial time comes and a request succeeds).
 */
final class Upstream {
  private final URI uri;
  private final String label;
  private final String basePath;
  private int inFlight;
  private int failures;
  private int successes;
  private boolean ejected;
  private long trialAtNanos;

  Upstream(URI uri) {
    this.uri = uri;
    this.label = uri.getHost() + ":" + port();
    this.basePath =
        uri.getRawPath() == null ? "" : UpstreamRequests.withoutTrailingSlashes(uri.getRawPath());
  }

  URI uri() {
    return uri;
  }

  /** {@code host:port}, as logs, metrics and the audit trail name the instance. */
  String label() {
    return label;
  }

  String host() {
    return uri.getHost();
  }

  /** The path every forwarded request is prefixed with, without a trailing slash. */
  String basePath() {
    return basePath;
  }

  int port() {
    return uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
  }

  boolean secure() {
    return uri.getScheme().equals("https");
  }

  synchronized int inFlight() {
    return inFlight;
  }

  synchronized void started() {
    inFlight++;
  }

  synchronized void finished() {
    inFlight--;
  }

  /** Not ejected; or ejected, without active checks, and its trial time has come. */
  synchronized boolean available(long nowNanos, boolean activeChecks) {
    return !ejected || (!activeChecks && nowNanos - trialAtNanos >= 0);
  }

  synchronized boolean ejected() {
    return ejected;
  }

  /** Records a failure; true when this failure ejected the instance. */
  synchronized boolean failed(int unhealthyAfter, long trialAtNanos) {
    successes = 0;
    failures++;
    this.trialAtNanos = trialAtNanos;
    if (!ejected && failures >= unhealthyAfter) {
      ejected = true;
      return true;
    }
    return false;
  }

  /** Records a success; true when this success readmitted the instance. */
  synchronized boolean succeeded(int healthyAfter) {
    failures = 0;
    successes++;
    if (ejected && successes >= healthyAfter) {
      ejected = false;
      return true;
    }
    return false;
  }
}
