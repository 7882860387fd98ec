/**
 * Real servers for tests: helpers that make sure a broker the tests need is running on loopback,
 * starting it when it is not and stopping, by PID, what they started.
 */
package io.sluice.testkit.servers;
