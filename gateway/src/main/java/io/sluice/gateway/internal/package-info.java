/**
 * The HTTP server's insides: not API, may change without notice.
 *
 * <p>{@link io.sluice.gateway.internal.Routes} lists every endpoint. A publish runs through {@link
 * io.sluice.gateway.internal.PublishPipeline}, whose stages read top to bottom: authenticate,
 * throttle, authorize, claim the idempotency key, decode, validate, publish, respond. Any stage
 * fails with a {@link io.sluice.gateway.internal.ProblemException} carrying an RFC 9457 {@link
 * io.sluice.gateway.internal.Problem}; the responder turns it into {@code
 * application/problem+json}. Nothing here blocks the event loop: identity, broker and store calls
 * return stages, and completions hop back onto the request's Vert.x context before the response is
 * written.
 */
package io.sluice.gateway.internal;
