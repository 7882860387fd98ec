package io.sluice.kafka.internal;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.Capability;
import io.sluice.broker.ConnectionState;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.broker.support.AbstractBroker;
import io.sluice.broker.support.Deduplicator;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.kafka.KafkaSettings;
import io.sluice.kafka.KafkaTopicNames;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Broker} over one idempotent Kafka producer, an admin client and a consumer per
 * subscription.
 */
public final class KafkaBroker extends AbstractBroker {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
  public static final Set<Capability> CAPABILITIES =
      Set.of(
          Capability.DURABLE_PUBLISH,
          Capability.REPLAY,
          Capability.CONSUMER_GROUPS,
          Capability.DURABLE_CONSUMERS,
          Capability.DELAYED_REDELIVERY,
          Capability.DEDUPLICATION,
          Capability.REQUEST_REPLY,
          Capability.SEQUENCES,
          Capability.MAX_DELIVERIES);

  private final KafkaSettings settings;
  private final ClientConfigs configs;
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Clock clock;
  private final Deduplicator deduplicator;
  private final Requests requests = new Requests(this);
  private final Topics topics;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("sluice-kafka-timer").factory());
  private final List<KafkaSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private final AtomicReference<ConnectionState> state =
      new AtomicReference<>(ConnectionState.CONNECTED);

  private KafkaBroker(BrokerSpec spec, KafkaSettings settings, ClientConfigs configs, Admin admin) {
    super(spec.redactedUrl(), CAPABILITIES);
    this.settings = settings;
    this.configs = configs;
    this.admin = admin;
    this.clock = spec.clock();
    this.producer = new KafkaProducer<>(configs.producer());
    this.deduplicator = new Deduplicator(settings.dedupWindow(), clock);
    this.topics = new Topics(admin, settings.operationTimeout());
  }

  /** Connects and checks that the cluster answers; fails with BrokerUnavailableException. */
  public static KafkaBroker connect(BrokerSpec spec, KafkaSettings settings) {
    ClientConfigs configs = ClientConfigs.of(spec, settings);
    Admin admin = Admin.create(configs.admin());
    try {
      admin
          .describeCluster()
          .nodes()
          .get(settings.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      admin.close(Duration.ZERO);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw Failures.of("connecting to Kafka at " + spec.redactedUrl(), e);
    }
    return new KafkaBroker(spec, settings, configs, admin);
  }

  @Override
  public CompletionStage<PublishReceipt> publish(
      Subject subject, CloudEvent event, AckMode ackMode) {
    checkPublish(subject, event, ackMode);
    if (!state.get().isReady()) {
      return CompletableFuture.failedFuture(closed());
    }
    return deduplicator.publish(subject, event, () -> send(subject, event, ackMode, Map.of()));
  }

  /**
   * Sends one record. Kafka confirms a send once it is in the log (acks=all with the idempotent
   * producer); Sluice waits for that in both ack modes so every receipt carries partition and
   * offset; the receipt still names the ack mode asked for.
   */
  CompletableFuture<PublishReceipt> send(
      Subject subject, CloudEvent event, AckMode ackMode, Map<String, String> headers) {
    CompletableFuture<PublishReceipt> receipt = new CompletableFuture<>();
    try {
      String topic = KafkaTopicNames.topic(subject);
      producer.send(
          record(topic, event, headers),
          (metadata, failure) -> {
            if (failure != null) {
              receipt.completeExceptionally(Failures.ofPublish(subject, failure));
            } else {
              receipt.complete(receipt(subject, event, ackMode, metadata));
            }
          });
    } catch (RuntimeException e) {
      receipt.completeExceptionally(Failures.ofPublish(subject, e));
    }
    return receipt;
  }

  private static ProducerRecord<byte[], byte[]> record(
      String topic, CloudEvent event, Map<String, String> headers) {
    byte[] key =
        event
            .extensionAsString(Extensions.PARTITION_KEY)
            .map(k -> k.getBytes(StandardCharsets.UTF_8))
            .orElse(null);
    return new ProducerRecord<>(
        topic, null, key, EventCodec.value(event), EventCodec.headers(event, headers));
  }

  private static PublishReceipt receipt(
      Subject subject, CloudEvent event, AckMode ackMode, RecordMetadata metadata) {
    return new PublishReceipt(
        subject,
        event.id(),
        ackMode,
        Optional.of(metadata.topic()),
        OptionalInt.of(metadata.partition()),
        OptionalLong.of(metadata.offset() + 1),
        false);
  }

  CompletionStage<Void> sendReply(String replyTopic, String correlationId, CloudEvent reply) {
    if (state.get() == ConnectionState.CLOSED) {
      return CompletableFuture.failedFuture(closed());
    }
    CompletableFuture<Void> sent = new CompletableFuture<>();
    producer.send(
        record(replyTopic, reply, Map.of(Requests.CORRELATION_ID, correlationId)),
        (metadata, failure) -> {
          if (failure != null) {
            sent.completeExceptionally(Failures.of("reply", failure));
          } else {
            sent.complete(null);
          }
        });
    return sent;
  }

  @Override
  public Subscription subscribe(
      SubjectPattern pattern, SubscribeOptions options, DeliveryHandler handler) {
    checkSubscribe(pattern, options, handler);
    if (!state.get().isReady()) {
      throw closed();
    }
    synchronized (subscriptions) {
      for (KafkaSubscription reader : subscriptions) {
        if (options.group() != null
            && options.group().equals(reader.group())
            && pattern.equals(reader.pattern())) {
          Member member = reader.join(handler, options);
          if (member != null) {
            return member;
          }
        }
      }
    }
    Member first = KafkaSubscription.open(this, pattern, options, handler);
    subscriptions.add(first.reader());
    return first;
  }

  @Override
  public CompletionStage<CloudEvent> request(
      Subject subject, CloudEvent request, Duration timeout) {
    checkRequest(subject, request, timeout);
    if (!state.get().isReady()) {
      return CompletableFuture.failedFuture(closed());
    }
    return requests.request(subject, request, timeout);
  }

  @Override
  public ConnectionState state() {
    return state.get();
  }

  @Override
  public CompletionStage<Void> drain(Duration timeout) {
    if (!state.compareAndSet(ConnectionState.CONNECTED, ConnectionState.DRAINING)) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<?>[] drains =
        subscriptions.stream()
            .map(s -> s.stopAll(timeout).toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(drains)
        .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle((v, e) -> null)
        .thenRun(this::close);
  }

  @Override
  public void close() {
    if (state.getAndSet(ConnectionState.CLOSED) == ConnectionState.CLOSED) {
      return;
    }
    subscriptions.forEach(s -> s.stopAll(null));
    requests.close();
    producer.close(Duration.ofSeconds(2));
    admin.close(Duration.ofSeconds(2));
    scheduler.shutdownNow();
  }

  KafkaConsumer<byte[], byte[]> newConsumer(String group, boolean earliest) {
    return new KafkaConsumer<>(configs.consumer(group, earliest));
  }

  void ensureTopic(String topic) {
    topics.ensure(topic);
  }

  void deleteTopic(String topic) {
    topics.delete(topic);
  }

  void later(Runnable task, Duration delay) {
    try {
      scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closedAlready) {
      LOG.debug("broker closed; a scheduled redelivery or timeout is dropped");
    }
  }

  void forget(KafkaSubscription subscription) {
    subscriptions.remove(subscription);
  }

  KafkaSettings settings() {
    return settings;
  }

  Clock clock() {
    return clock;
  }

  static BrokerClosedException closed() {
    return new BrokerClosedException("the Kafka broker connection is closed or draining");
  }
}
