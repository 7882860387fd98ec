package io.sluice.gateway.push;

/**
 * What one POST to an endpoint came to: the status it answered, or 0 with the failure (timeout,
 * connection refused) when it answered nothing.
 */
record AttemptResult(int status, String failure) {

  static AttemptResult answered(int status) {
    return new AttemptResult(status, null);
  }

  static AttemptResult failed(String failure) {
    return new AttemptResult(0, failure);
  }

  /** 2xx: the endpoint took the event. */
  boolean accepted() {
    return status >= 200 && status < 300;
  }

  /** {@code 2xx}, {@code 4xx}, {@code 5xx}, {@code timeout} or {@code error}, for metrics. */
  String kind() {
    if (status > 0) {
      return (status / 100) + "xx";
    }
    return failure != null && failure.startsWith("timeout") ? "timeout" : "error";
  }

  /** For audit and dead letters: {@code HTTP 500} or the failure. */
  String describe() {
    return status > 0 ? "HTTP " + status : failure;
  }
}
