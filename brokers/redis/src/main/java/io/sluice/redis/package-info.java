/**
 * Redis Streams as a Sluice broker ({@code redis://} and {@code rediss://} URLs).
 *
 * <p>Each subject is one stream ({@code <keyPrefix><subject>}); an event is one entry whose fields
 * are the CloudEvent in binary mode ({@code ce-*} fields, {@code content-type}, {@code data}). A
 * consumer group is a Redis consumer group on every stream the pattern matches, read with
 * XREADGROUP and settled with XACK; unsettled entries are claimed again with XAUTOCLAIM once idle
 * for longer than ackWait. Private subscriptions read with XREAD and redeliver in the process.
 * Idempotency keys are remembered in Redis ({@code SET PX}) atomically with the XADD.
 */
package io.sluice.redis;
