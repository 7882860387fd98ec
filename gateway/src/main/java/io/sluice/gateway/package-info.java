/**
 * The Sluice gateway: a governed HTTP front door that turns authenticated, authorized calls into
 * CloudEvents on a broker.
 *
 * <p>{@link io.sluice.gateway.Gateway#start} takes a validated {@link
 * io.sluice.gateway.config.GatewayConfig} and an {@link io.sluice.gateway.AccessControl} (who may
 * call, what they may do), connects the broker named by {@code broker.url}, and listens. The
 * endpoints are listed in {@code io.sluice.gateway.internal.Routes}; docs/gateway.md describes them
 * for users. {@link io.sluice.gateway.GatewayAssembly} builds the access control from the {@code
 * identity} and {@code policy} sections, or the development identity and policy when none are
 * configured.
 */
package io.sluice.gateway;
