/**
 * Idempotent publishing: a retried request with the same {@code Idempotency-Key} gets the first
 * answer back and publishes nothing new.
 *
 * <p>An {@link io.sluice.gateway.idempotency.IdempotencyStore} remembers, per identity and key, a
 * hash of the request and the response that was sent. {@link
 * io.sluice.gateway.idempotency.IdempotencyStore#claim claim} answers one of four {@link
 * io.sluice.gateway.idempotency.Claim}s: go ahead (first time), replay (same request seen and
 * answered), in progress (same key, first request still running) or mismatch (same key, different
 * request). Entries expire after a TTL; the in-memory store is bounded and forgets the oldest
 * first. A shared store (JDBC) implements the same interface for several gateway replicas.
 */
package io.sluice.gateway.idempotency;
