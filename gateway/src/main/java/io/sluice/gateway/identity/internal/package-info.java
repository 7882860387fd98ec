/**
 * Code shared by the identity and policy packages that are not part of the gateway's API.
 *
 * <p>{@link io.sluice.gateway.identity.internal.ConfigSection} reads one nested section of the
 * configuration (a {@code Map<String, Object>} parsed from YAML) and collects every problem as
 * {@code "<dotted.path>: <what is wrong> but was '<value>'"} instead of stopping at the first one,
 * so a person sees all mistakes of a config file at once.
 */
package io.sluice.gateway.identity.internal;
