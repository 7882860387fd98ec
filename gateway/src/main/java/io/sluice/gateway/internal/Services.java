package io.sluice.gateway.internal;

import io.sluice.broker.Broker;
import io.sluice.contracts.SchemaRegistry;
import io.sluice.gateway.AccessControl;
import io.sluice.gateway.audit.GatewayAudit;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.idempotency.IdempotencyStore;
import io.sluice.gateway.push.PushSubscriptions;
import java.time.Clock;
import java.util.Optional;

/** Everything the endpoints share, created once per gateway. */
record Services(
    GatewayConfig config,
    AccessControl access,
    Broker broker,
    IdempotencyStore idempotency,
    RateLimiter rateLimiter,
    InFlightGate inFlight,
    GatewayMetrics metrics,
    Tracing tracing,
    Clock clock,
    Optional<SchemaRegistry> schemas,
    GatewayAudit audit,
    PushSubscriptions push) {}
