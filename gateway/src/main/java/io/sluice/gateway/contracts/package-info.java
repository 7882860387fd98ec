/**
 * Event contracts as the gateway presents them: the AsyncAPI 3.0 document of a configuration
 * (channels from the configured subject patterns, messages from the registered schemas, the
 * security schemes in use) and the OpenAPI 3.1 document of the routes the gateway mounts. The
 * running gateway and the {@code sluice asyncapi}/{@code sluice openapi} commands use the same
 * generators.
 */
package io.sluice.gateway.contracts;
