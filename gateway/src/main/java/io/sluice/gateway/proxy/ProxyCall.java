package io.sluice.gateway.proxy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One proxied call, as the audit trail and metrics see it.
 *
 * @param identityId the verified caller, empty when authentication failed
 * @param identityType how the caller proved who it is, empty when authentication failed
 * @param route the route's name
 * @param upstream the instance that answered ({@code host:port}), empty when none did
 * @param subject the policy subject the request was authorized against
 * @param status the status sent to the caller
 * @param rule the policy rule that decided, empty when no decision was made
 * @param allowed whether policy allowed the call
 * @param attempts how many instances were tried
 */
public record ProxyCall(
    String requestId,
    Optional<String> identityId,
    Optional<String> identityType,
    String route,
    String method,
    String path,
    String subject,
    Optional<String> upstream,
    int status,
    Duration latency,
    Optional<String> rule,
    boolean allowed,
    int attempts) {
  public ProxyCall {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(latency, "latency");
  }

  /**
   * The call as the audit trail's receipt: {@code route=orders method=GET path=/orders/7
   * upstream=127.0.0.1:8081 latencyMicros=1520 attempts=1} ({@code upstream=none} when no instance
   * answered).
   */
  public String summary() {
    return "route="
        + route
        + " method="
        + method
        + " path="
        + path
        + " upstream="
        + upstream.orElse("none")
        + " latencyMicros="
        + latency.toNanos() / 1000
        + " attempts="
        + attempts;
  }
}
