/**
 * Real servers for tests. {@link io.sluice.testkit.servers.NatsServer} and {@link
 * io.sluice.testkit.servers.RedisServer} start a process of the test's own on a free loopback port
 * and stop it by PID; their {@code *Extension} twins do that once per test class. {@link
 * io.sluice.testkit.servers.PostgresSchema} gives a test class a schema of its own in the shared
 * PostgreSQL on 127.0.0.1:5432. {@link io.sluice.testkit.servers.ScriptedBrokers} makes sure the
 * checkout's Kafka and Pulsar test brokers run, on free loopback ports, and answers their
 * addresses. A missing binary or an unreachable server fails with how to get it.
 */
package io.sluice.testkit.servers;
