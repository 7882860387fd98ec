package io.sluice.benchmarks.embedded;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.sluice.benchmarks.support.NatsServerProcess;
import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.StartPosition;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable publish and consume throughput of 256-byte events: the embedded broker ({@code fsync:
 * batch}) against raw JetStream {@code publishAsync} on a real {@code nats-server -js} with file
 * storage, started by the benchmark. {@link BenchmarkRatios} runs both in one run and prints
 * embedded / JetStream per benchmark.
 *
 * <p>Run from the repository root (writes
 * benchmarks/results/&lt;date&gt;-embedded-vs-jetstream.txt):
 *
 * <pre>
 * bench/run embedded
 * </pre>
 *
 * <p>{@code nats-server} (2.9 or newer) must be on the PATH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class EmbeddedVsJetStreamBenchmark {
  static final int BATCH = 1000;
  private static final String SUBJECT = "bench.events";

  @Param({"embedded", "jetstream"})
  public String broker;

  private final byte[] payload = payload();
  private Path dir;
  private Broker embedded;
  private NatsServerProcess natsServer;
  private Connection nats;
  private JetStream jetStream;
  private int consumers;

  @Setup(Level.Trial)
  public void open() throws Exception {
    dir = Files.createTempDirectory("sluice-bench");
    if (broker.equals("embedded")) {
      embedded = Broker.connect("embedded:" + dir.resolve("data"));
    } else {
      natsServer = NatsServerProcess.start();
      nats = natsServer.connect();
      nats.jetStreamManagement()
          .addStream(
              StreamConfiguration.builder()
                  .name("BENCH")
                  .subjects("bench.>")
                  .storageType(StorageType.File)
                  .build());
      jetStream = nats.jetStream();
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (embedded != null) {
      embedded.close();
    }
    if (nats != null) {
      nats.close();
      natsServer.close();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Publishes {@value #BATCH} events concurrently and waits for every durable ack. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long publishDurable() {
    return broker.equals("embedded") ? publishEmbedded() : publishJetStream();
  }

  /** The batch {@link #consume} reads, published before each invocation (not measured). */
  @State(Scope.Thread)
  public static class PublishedBatch {
    long first;

    @Setup(Level.Invocation)
    public void publish(EmbeddedVsJetStreamBenchmark benchmark) {
      first = benchmark.publishDurable() - BATCH + 1;
    }
  }

  /** A new consumer reads and acks the {@value #BATCH} events published before it. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int consume(PublishedBatch batch) throws Exception {
    return broker.equals("embedded") ? consumeEmbedded(batch.first) : consumeJetStream(batch.first);
  }

  private long publishEmbedded() {
    Subject subject = Subject.of(SUBJECT);
    @SuppressWarnings("unchecked")
    CompletableFuture<PublishReceipt>[] acks = new CompletableFuture[BATCH];
    for (int i = 0; i < BATCH; i++) {
      acks[i] = embedded.publish(subject, event(i), AckMode.DURABLE).toCompletableFuture();
    }
    CompletableFuture.allOf(acks).join();
    return acks[BATCH - 1].join().sequence().orElseThrow();
  }

  private long publishJetStream() {
    @SuppressWarnings("unchecked")
    CompletableFuture<io.nats.client.api.PublishAck>[] acks = new CompletableFuture[BATCH];
    for (int i = 0; i < BATCH; i++) {
      acks[i] = jetStream.publishAsync(SUBJECT, payload);
    }
    CompletableFuture.allOf(acks).join();
    return Arrays.stream(acks).mapToLong(a -> a.join().getSeqno()).max().orElseThrow();
  }

  private int consumeEmbedded(long firstOfBatch) throws InterruptedException {
    CountDownLatch received = new CountDownLatch(BATCH);
    SubscribeOptions options =
        SubscribeOptions.group("bench" + consumers++)
            .withStart(StartPosition.atSequence(firstOfBatch));
    Subscription subscription =
        embedded.subscribe(
            SubjectPattern.of(SUBJECT),
            options,
            d -> {
              d.ack();
              received.countDown();
            });
    await(received);
    subscription.close();
    return BATCH;
  }

  private int consumeJetStream(long firstOfBatch) throws Exception {
    var config =
        ConsumerConfiguration.builder()
            .deliverPolicy(DeliverPolicy.ByStartSequence)
            .startSequence(firstOfBatch)
            .ackPolicy(AckPolicy.Explicit)
            .build();
    JetStreamSubscription subscription =
        jetStream.subscribe(SUBJECT, PullSubscribeOptions.builder().configuration(config).build());
    int count = 0;
    while (count < BATCH) {
      for (Message message :
          subscription.fetch(Math.min(256, BATCH - count), Duration.ofSeconds(5))) {
        message.ack();
        count++;
      }
    }
    subscription.unsubscribe();
    return count;
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("consumer received only " + (BATCH - latch.getCount()));
    }
  }

  private CloudEvent event(int i) {
    return CloudEvent.builder()
        .id("e-" + System.nanoTime() + "-" + i)
        .source("/bench")
        .type("io.sluice.bench")
        .data(payload)
        .build();
  }

  private static byte[] payload() {
    byte[] bytes = new byte[256];
    Arrays.fill(bytes, (byte) 'x');
    return bytes;
  }
}
