/**
 * Test support for services that use the library. {@link io.sluice.library.testing.TestBroker} is a
 * real broker in memory (or a recorder around any broker) that remembers what was published through
 * it and what the library's handlers did with each event: handled, failed, retried, dead-lettered
 * or skipped as a duplicate. Tests assert on those records instead of on log output.
 */
package io.sluice.library.testing;
