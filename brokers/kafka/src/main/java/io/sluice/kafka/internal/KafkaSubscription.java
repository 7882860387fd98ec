package io.sluice.kafka.internal;

import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.support.FailureLog;
import io.sluice.envelope.CloudEvent;
import io.sluice.kafka.KafkaTopicNames;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription, read by its own thread which alone touches the Kafka consumer. A group
 * subscription joins the Kafka consumer group named after it and commits, per partition, the offset
 * after the highest contiguous acknowledged record; a private subscription assigns the partitions
 * itself and commits nothing. A nack or an expired ackWait seeks the partition back to the record,
 * so it is delivered again; records after it that were already acknowledged or are still in a
 * handler are skipped on the second read.
 *
 * <p>Longer than most classes on purpose: everything that touches the consumer runs on the one
 * thread that owns it, and keeping that code in one class keeps the single-thread rule visible.
 */
final class KafkaSubscription implements ConsumerRebalanceListener {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSubscription.class);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final KafkaBroker broker;
  private final SubjectPattern pattern;
  private final SubscribeOptions options;
  private final MemberRoster members = new MemberRoster();
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Pattern topics;
  private final long minTimestampOfNewTopics;
  private final Map<TopicPartition, PartitionTracker> trackers = new ConcurrentHashMap<>();
  private final Map<TopicPartition, OffsetAndMetadata> committed = new ConcurrentHashMap<>();
  private final Set<KafkaDelivery> open = ConcurrentHashMap.newKeySet();
  private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final FailureLog failures = new FailureLog(LOG);
  private volatile boolean active = true;
  private volatile Thread thread;
  private long nextDiscovery;

  private KafkaSubscription(
      KafkaBroker broker, SubjectPattern pattern, SubscribeOptions options, long now) {
    this.broker = broker;
    this.pattern = pattern;
    this.options = options;
    this.topics = KafkaTopicNames.topics(pattern);
    this.consumer = broker.newConsumer(options.group(), startsAtEarliest(options, pattern));
    this.minTimestampOfNewTopics = minTimestampOfNewTopics(options.start(), now);
  }

  /** Starts a reader with its first member; returns once the reader is positioned. */
  static Member open(
      KafkaBroker broker, SubjectPattern pattern, SubscribeOptions options, DeliveryHandler h) {
    if (!pattern.hasWildcards()) {
      broker.ensureTopic(KafkaTopicNames.topic(Subject.of(pattern.value())));
    }
    KafkaSubscription subscription =
        new KafkaSubscription(broker, pattern, options, broker.clock().millis());
    Member first = new Member(subscription, h, options);
    subscription.members.add(first);
    subscription.thread =
        Thread.ofPlatform()
            .daemon()
            .name("sluice-kafka-" + options.groupName().orElse("private"))
            .start(subscription::readLoop);
    subscription.awaitReady(broker.settings().operationTimeout());
    return first;
  }

  /** Adds a member of the same group; false when this reader is stopping. */
  synchronized Member join(DeliveryHandler handler, SubscribeOptions memberOptions) {
    if (!active) {
      return null;
    }
    Member member = new Member(this, handler, memberOptions);
    members.add(member);
    return member;
  }

  /**
   * Removes a member; its unsettled deliveries are nacked so another member gets them, counted as a
   * redelivery. The last member to leave stops the reader, which commits and leaves the group.
   */
  CompletionStage<Void> leave(Member member, Duration timeout) {
    boolean last;
    synchronized (this) {
      if (!members.remove(member)) {
        return CompletableFuture.completedFuture(null);
      }
      last = members.isEmpty();
      if (last) {
        active = false;
        broker.forget(this);
      }
    }
    if (!last) {
      open.stream().filter(d -> d.member() == member).forEach(d -> d.nack(Duration.ZERO));
      return CompletableFuture.completedFuture(null);
    }
    if (timeout != null) {
      return stopped.copy().completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    if (Thread.currentThread() != thread) {
      stopped.copy().completeOnTimeout(null, CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Stops every member: broker drain or close. */
  CompletionStage<Void> stopAll(Duration timeout) {
    members.all().forEach(Member::deactivate);
    CompletionStage<Void> done = CompletableFuture.completedFuture(null);
    for (Member m : members.all()) {
      done = leave(m, timeout);
    }
    return done;
  }

  /** Topics found after subscribing are read from their start, minus what predates the start. */
  private static long minTimestampOfNewTopics(StartPosition start, long now) {
    if (start instanceof StartPosition.AtTime at) {
      return at.time().toEpochMilli();
    }
    return start instanceof StartPosition.NewOnly ? now : 0;
  }

  private static boolean startsAtEarliest(SubscribeOptions options, SubjectPattern pattern) {
    return !(options.start() instanceof StartPosition.NewOnly) || pattern.hasWildcards();
  }

  private void awaitReady(Duration timeout) {
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      stopAll(null);
      throw Failures.of("subscribe to '" + pattern + "'", e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      stopAll(null);
      throw Failures.of("subscribe to '" + pattern + "' (no assignment within " + timeout + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopAll(null);
      throw Failures.of("subscribe to '" + pattern + "'", e);
    }
  }

  private void readLoop() {
    try {
      start();
      while (active) {
        step();
      }
    } catch (RuntimeException e) {
      ready.completeExceptionally(e);
      if (active) {
        LOG.warn("subscription to '{}' stopped reading: {}", pattern, e.toString());
      }
    } finally {
      active = false;
      finish();
    }
  }

  private void start() {
    nextDiscovery = System.nanoTime();
    if (options.group() != null) {
      consumer.subscribe(topics, this);
    } else {
      assign(matchingPartitions(), options.start());
      ready.complete(null);
    }
  }

  private void step() {
    Runnable command;
    while ((command = commands.poll()) != null) {
      command.run();
    }
    expireAckWaits();
    discoverTopics();
    if (options.group() == null && consumer.assignment().isEmpty()) {
      // a private wildcard subscription before its first topic exists: Kafka refuses to poll
      java.util.concurrent.locks.LockSupport.parkNanos(POLL.toNanos());
      return;
    }
    handle(consumer.poll(POLL));
    commit(false);
  }

  private void handle(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition tp : records.partitions()) {
      for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
        if (!active || !trackers.containsKey(tp)) {
          return;
        }
        if (!handle(tp, record)) {
          consumer.seek(tp, record.offset());
          break;
        }
      }
    }
  }

  /** Handles one record; false when no member has room, so the record must be read again. */
  private boolean handle(TopicPartition tp, ConsumerRecord<byte[], byte[]> record) {
    PartitionTracker tracker = trackers.get(tp);
    long offset = record.offset();
    if (tracker.isAcked(offset) || isOpen(tp, offset)) {
      return true;
    }
    if (record.timestamp() < tracker.minTimestamp()) {
      tracker.ack(offset);
      return true;
    }
    Member member = members.nextWithRoom(open);
    if (member == null) {
      return false;
    }
    int count = tracker.delivered(offset);
    if (options.maxDeliveries() > 0 && count > options.maxDeliveries()) {
      failures.warn("dropping an event on '{}' after {} deliveries", pattern, count - 1);
      tracker.ack(offset);
      return true;
    }
    KafkaDelivery delivery = delivery(member, tp, record, count);
    if (delivery == null) {
      tracker.ack(offset);
      return true;
    }
    open.add(delivery);
    try {
      member.handler().onDelivery(delivery);
    } catch (Exception e) {
      failures.warn("handler for '{}' threw; the delivery is nacked: {}", pattern, e);
      delivery.nack(Duration.ZERO);
    }
    return true;
  }

  private KafkaDelivery delivery(
      Member member, TopicPartition tp, ConsumerRecord<byte[], byte[]> record, int count) {
    try {
      Subject subject = KafkaTopicNames.subject(record.topic());
      CloudEvent event = EventCodec.decode(record.headers(), record.value());
      long deadline = System.nanoTime() + options.ackWait().toNanos();
      return new KafkaDelivery(
          this,
          member,
          tp,
          record.offset(),
          subject,
          event,
          count,
          deadline,
          EventCodec.header(record.headers(), Requests.REPLY_TO),
          EventCodec.header(record.headers(), Requests.CORRELATION_ID));
    } catch (IllegalArgumentException e) {
      failures.warn("skipping a record on '{}' that is not a CloudEvent: {}", pattern, e);
      return null;
    }
  }

  private boolean isOpen(TopicPartition tp, long offset) {
    for (KafkaDelivery d : open) {
      if (d.offset() == offset && d.partition().equals(tp)) {
        return true;
      }
    }
    return false;
  }

  private void expireAckWaits() {
    long now = System.nanoTime();
    for (KafkaDelivery d : open) {
      if (d.expireIfDue(now)) {
        open.remove(d);
        redeliver(d.partition(), d.offset());
      }
    }
  }

  private void redeliver(TopicPartition tp, long offset) {
    PartitionTracker tracker = trackers.get(tp);
    if (tracker != null && !tracker.isAcked(offset) && consumer.position(tp) > offset) {
      consumer.seek(tp, offset);
    }
  }

  void acked(KafkaDelivery delivery) {
    open.remove(delivery);
    PartitionTracker tracker = trackers.get(delivery.partition());
    if (tracker != null) {
      tracker.ack(delivery.offset());
    }
  }

  void terminated(KafkaDelivery delivery) {
    LOG.info(
        "event '{}' on '{}' terminated; it will not be delivered again",
        delivery.event().id(),
        delivery.subject());
    acked(delivery);
  }

  void nacked(KafkaDelivery delivery, Duration delay) {
    open.remove(delivery);
    Runnable seekBack = () -> redeliver(delivery.partition(), delivery.offset());
    if (delay.isZero()) {
      commands.add(seekBack);
    } else {
      broker.later(() -> commands.add(seekBack), delay);
    }
  }

  CompletionStage<Void> reply(String replyTo, String correlationId, CloudEvent reply) {
    return broker.sendReply(replyTo, correlationId, reply);
  }

  private void discoverTopics() {
    if (options.group() != null || !pattern.hasWildcards()) {
      return;
    }
    long now = System.nanoTime();
    if (now - nextDiscovery < 0) {
      return;
    }
    nextDiscovery = now + broker.settings().topicDiscovery().toNanos();
    Set<TopicPartition> found = matchingPartitions();
    found.removeAll(consumer.assignment());
    if (!found.isEmpty()) {
      assign(found, StartPosition.all());
      found.forEach(tp -> trackers.get(tp).minTimestamp(minTimestampOfNewTopics));
    }
  }

  private Set<TopicPartition> matchingPartitions() {
    Set<TopicPartition> partitions = new HashSet<>();
    consumer
        .listTopics(broker.settings().operationTimeout())
        .forEach(
            (topic, infos) -> {
              if (topics.matcher(topic).matches()) {
                infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
              }
            });
    return partitions;
  }

  private void assign(Set<TopicPartition> added, StartPosition start) {
    Set<TopicPartition> all = new HashSet<>(consumer.assignment());
    all.addAll(added);
    consumer.assign(all);
    Positions.seek(consumer, added, start);
    added.forEach(tp -> trackers.put(tp, new PartitionTracker(consumer.position(tp))));
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    Set<TopicPartition> fresh = new HashSet<>();
    Map<TopicPartition, OffsetAndMetadata> known = consumer.committed(new HashSet<>(partitions));
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata at = known.get(tp);
      if (at == null) {
        fresh.add(tp);
      }
    }
    if (!(options.start() instanceof StartPosition.NewOnly) || !pattern.hasWildcards()) {
      Positions.seek(consumer, fresh, options.start());
    }
    for (TopicPartition tp : partitions) {
      PartitionTracker tracker = new PartitionTracker(consumer.position(tp));
      OffsetAndMetadata at = known.get(tp);
      if (at != null) {
        tracker.seed(at.offset(), CommitMetadata.deliveries(at.metadata()));
        committed.put(tp, at);
      }
      trackers.put(tp, tracker);
    }
    ready.complete(null);
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    commit(true);
    forget(partitions);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    forget(partitions);
  }

  private void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(trackers::remove);
    partitions.forEach(committed::remove);
    open.removeIf(d -> partitions.contains(d.partition()));
  }

  private void commit(boolean sync) {
    if (options.group() == null) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> due = new java.util.HashMap<>();
    trackers.forEach(
        (tp, tracker) -> {
          OffsetAndMetadata next =
              new OffsetAndMetadata(
                  tracker.commitOffset(), CommitMetadata.of(tracker.deliveriesOfBase()));
          if (!next.equals(committed.get(tp))) {
            due.put(tp, next);
          }
        });
    if (due.isEmpty()) {
      return;
    }
    committed.putAll(due);
    if (sync) {
      consumer.commitSync(due, broker.settings().operationTimeout());
    } else {
      consumer.commitAsync(due, (offsets, e) -> logCommitFailure(e));
    }
  }

  private void logCommitFailure(Exception failure) {
    if (failure != null) {
      failures.warn("committing offsets of '{}' failed: {}", pattern, failure.toString());
    }
  }

  private void finish() {
    try {
      commit(true);
    } catch (RuntimeException e) {
      LOG.debug("final commit of '{}' failed", pattern, e);
    }
    try {
      consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(2)));
    } catch (RuntimeException e) {
      LOG.debug("closing the consumer of '{}' failed", pattern, e);
    }
    stopped.complete(null);
  }

  SubjectPattern pattern() {
    return pattern;
  }

  String group() {
    return options.group();
  }

  boolean isActive() {
    return active;
  }
}
