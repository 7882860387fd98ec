package io.sluice.gateway.proxy;

/**
 * Receives every {@link ProxyCall} once the response has been sent (the audit integration's hook).
 * Called on the event loop: implementations hand work off rather than block; a throwing listener is
 * logged and ignored.
 */
@FunctionalInterface
public interface ProxyListener {
  void completed(ProxyCall call);

  /** A listener that ignores every call. */
  static ProxyListener none() {
    return call -> {};
  }
}
