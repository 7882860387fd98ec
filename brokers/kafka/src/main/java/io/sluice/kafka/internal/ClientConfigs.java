package io.sluice.kafka.internal;

import io.sluice.broker.BrokerSpec;
import io.sluice.kafka.KafkaSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka client configurations. The producer is idempotent with {@code acks=all}, so a retried send
 * is not written twice and a confirmed one is on every in-sync replica. Consumers never
 * auto-commit: Sluice commits what was acknowledged.
 */
record ClientConfigs(String bootstrap, KafkaSettings settings) {

  static ClientConfigs of(BrokerSpec spec, KafkaSettings settings) {
    String authority = spec.url().getRawAuthority();
    if (authority == null || authority.isBlank()) {
      throw new IllegalArgumentException(
          "kafka URL must name host:port[,host:port] but was " + spec.redactedUrl());
    }
    int at = authority.lastIndexOf('@');
    return new ClientConfigs(authority.substring(at + 1), settings);
  }

  Map<String, Object> admin() {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis());
    return config;
  }

  Map<String, Object> producer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis());
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis());
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2 * timeoutMillis());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
  }

  Map<String, Object> consumer(String group, boolean earliest) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "sluice-" + UUID.randomUUID());
    if (group != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, earliest ? "earliest" : "latest");
    config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500);
    config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 500);
    config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return config;
  }

  private int timeoutMillis() {
    return (int) settings.operationTimeout().toMillis();
  }
}
