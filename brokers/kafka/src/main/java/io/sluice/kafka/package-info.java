/**
 * The Apache Kafka adapter, opened by {@code kafka://host:port[,host:port]} URLs. A subject is a
 * topic ({@link io.sluice.kafka.KafkaTopicNames}); a consumer group is a Kafka consumer group and a
 * private subscription reads assigned partitions without a group. Events travel in the CloudEvents
 * Kafka binding's binary mode ({@code ce_} headers); settings are {@link
 * io.sluice.kafka.KafkaSettings}.
 */
package io.sluice.kafka;
