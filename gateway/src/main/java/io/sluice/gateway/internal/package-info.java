/**
 * The HTTP server's insides: not API, may change without notice.
 *
 * <p>{@link io.sluice.gateway.internal.Routes} lists every endpoint. A publish runs through {@link
 * io.sluice.gateway.internal.PublishPipeline}, whose stages read top to bottom: authenticate,
 * throttle, authorize, claim the idempotency key, decode, validate, publish, respond. Any stage
 * fails with a {@link io.sluice.gateway.internal.ProblemException} carrying an RFC 9457 {@link
 * io.sluice.gateway.internal.Problem}; the responder turns it into {@code
 * application/problem+json}. The validate stage also checks the event against its contract ({@link
 * io.sluice.gateway.internal.ContractCheck}) when a schema registry is configured. {@link
 * io.sluice.gateway.internal.RouteCatalog} describes every mounted route for the OpenAPI document.
 * Nothing here blocks the event loop: identity, broker and store calls return stages, and
 * completions hop back onto the request's Vert.x context before the response is written.
 */
package io.sluice.gateway.internal;
