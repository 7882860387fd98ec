/**
 * Events out of the gateway. A stream (Server-Sent Events or a WebSocket) is a private broker
 * subscription to a subject pattern, opened only after the caller is authenticated (by header or a
 * single-use stream ticket) and allowed to subscribe to the pattern; every delivered subject is
 * checked against the policy again, so an event on a denied subject inside an allowed pattern is
 * never sent. Each stream feeds its client through a bounded buffer on the connection's event loop:
 * deliveries are acknowledged once written to the socket, the broker holds back beyond the buffer
 * (maxInFlight), and a client whose buffer fills is disconnected with the id to resume from. On
 * brokers with replay and sequences the id is the broker sequence and a reconnect with {@code
 * Last-Event-ID} continues right after it. Request-reply turns one HTTP call into a broker request
 * and answers with the reply event.
 */
package io.sluice.gateway.stream;
