/**
 * The Apache Pulsar adapter, opened by {@code pulsar://host:port} URLs. A subject is a persistent
 * topic in one tenant and namespace ({@link io.sluice.pulsar.PulsarTopicNames}); a consumer group
 * is a Shared subscription and a private subscription a Shared subscription with a unique name that
 * is removed when it closes. Events travel in CloudEvents binary mode as message properties named
 * {@code ce-…}; settings are {@link io.sluice.pulsar.PulsarSettings}.
 */
package io.sluice.pulsar;
