/**
 * The identity-aware reverse proxy. A {@link io.sluice.gateway.proxy.ProxyConfig.Route} matches
 * requests by host, path prefix and method; the caller is authenticated by the gateway's own
 * authenticators and authorized with the {@code request} action on the policy subject {@code
 * http.<METHOD>.<path tokens>} (or the route's fixed {@code action}, which may be written {@code
 * http:GET /orders/*}; see {@link io.sluice.gateway.policy.HttpAction}). An allowed request goes to
 * an instance of the route's pool, chosen round-robin or by fewest requests in flight among the
 * healthy ones, with the caller's identity in headers it cannot forge and, optionally, a signed
 * assertion. Instances are ejected after consecutive failures and readmitted by health checks.
 * Every call ends as one {@link io.sluice.gateway.proxy.ProxyCall}: a log line, meters, the {@link
 * io.sluice.gateway.proxy.ProxyListener} hook, its one audit record (the decision held before
 * forwarding, completed through {@link io.sluice.gateway.proxy.ProxyHost#finished}), and, for a
 * route with {@code emit}, an {@code io.sluice.proxy.call} CloudEvent published after the response.
 */
package io.sluice.gateway.proxy;
