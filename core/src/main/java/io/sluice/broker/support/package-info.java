/**
 * Building blocks for broker adapters, so that each behaviour every adapter needs exists once: the
 * URL, capabilities and argument checks every {@code Broker} starts with ({@link
 * io.sluice.broker.support.AbstractBroker}), the first-settlement-wins rule of a delivery ({@link
 * io.sluice.broker.support.Settlement}), rejecting unknown setting keys ({@link
 * io.sluice.broker.support.SettingKeys}), guarding user handlers ({@link
 * io.sluice.broker.support.GuardedHandler}), counting deliveries in a handler for drain ({@link
 * io.sluice.broker.support.InFlight}) and reading durations from adapter settings ({@link
 * io.sluice.broker.support.SettingDurations}). Application code does not need this package.
 */
package io.sluice.broker.support;
