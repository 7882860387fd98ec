package io.sluice.benchmarks.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.sluice.benchmarks.support.NatsServerProcess;
import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.PublishReceipt;
import io.sluice.envelope.BinaryMode;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Publishing 256-byte events through the Sluice NATS adapter against raw jnats doing the same in
 * the same run: durable (JetStream, waiting for the acknowledgement) and fire-and-forget (core
 * NATS). Both sides publish the same {@value #EVENTS} distinct events in turn (built before the
 * measurement, so building events is not measured): the same subject, {@code ce-} headers with a
 * distinct {@code ce-id} each, and payload.
 *
 * <p>The reference baselines are the cheapest correct raw publisher of distinct events: one reused
 * {@link Headers} holding the shared {@code ce-} headers, with {@code put("ce-id", id)} before each
 * publish. Reuse is safe because jnats (2.22) copies a header set that is not read-only into a
 * read-only one while the publish call runs ({@code NatsPublishableMessage}), and a JetStream
 * publish copies it before that too. A second fire-and-forget baseline builds the header set anew
 * for every event. A third sends one identical header set every time (the same {@code ce-id} for
 * every event): no publisher of distinct events can do that, so it is printed as an upper bound,
 * not as a target.
 *
 * <p>Neither side sends {@code Nats-Msg-Id} (Sluice sets it only from an {@code idempotencykey},
 * which these events lack), so the stream de-duplicates nothing; a duplicate acknowledgement on
 * either side fails the run. Beside each score the run reports the CPU time of the publishing
 * thread per publish ({@link PublisherCpu}). Starts its own {@code nats-server -js} (memory stream)
 * on a free loopback port.
 *
 * <p>Run from the repository root (prints the Sluice/raw ratios at the end and writes
 * benchmarks/results/&lt;date&gt;-nats-publish.txt):
 *
 * <pre>
 * bench/run nats
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class NatsPublishBenchmark {
  private static final Subject DURABLE = Subject.of("bench.durable");
  private static final Subject CORE = Subject.of("plain.fireandforget");
  private static final int EVENTS = 1024;

  private NatsServerProcess server;
  private Broker broker;
  private Connection raw;
  private JetStream rawJetStream;
  private CloudEvent[] events;
  private byte[][] payloads;
  private Headers reused;
  private Headers identical;
  private int next;

  @Setup(Level.Trial)
  public void start() throws Exception {
    server = NatsServerProcess.start();
    Map<String, Object> stream =
        Map.of(
            "name",
            "BENCH",
            "subjects",
            List.of("bench.>"),
            "storage",
            "memory",
            "maxMessages",
            100_000);
    broker =
        Broker.connect(
            BrokerSpec.of(server.url()).withSettings(Map.of("streams", List.of(stream))));
    raw = Nats.connect(server.url());
    rawJetStream = raw.jetStream();
    events = new CloudEvent[EVENTS];
    payloads = new byte[EVENTS][];
    for (int i = 0; i < EVENTS; i++) {
      events[i] = event(i);
      payloads[i] = events[i].data().orElseThrow();
    }
    reused = new Headers();
    BinaryMode.writeSharedHeaders(events[0], BinaryMode.HTTP_PREFIX, reused::put);
    identical = new Headers();
    BinaryMode.toHeaders(events[0], BinaryMode.HTTP_PREFIX).forEach(identical::put);
  }

  private static CloudEvent event(int i) {
    byte[] payload = new byte[256];
    Arrays.fill(payload, (byte) 'x');
    return CloudEvent.builder()
        .id(UUID.nameUUIDFromBytes(("bench-" + i).getBytes(StandardCharsets.UTF_8)).toString())
        .source("/sluice/benchmarks")
        .type("io.sluice.bench.published")
        .data("application/octet-stream", payload)
        .build();
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    broker.close();
    raw.close();
    server.close();
  }

  /**
   * The CPU time of the publishing thread during each measured iteration, reported beside the score
   * as a rate (CPU nanoseconds per second); divided by the score it is the CPU time per publish,
   * which the machine's other load disturbs far less than the throughput.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class PublisherCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long start;

    /** Read by JMH after the iteration. */
    public long cpuNanos;

    @Setup(Level.Iteration)
    public void begin() {
      cpuNanos = 0;
      start = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void end() {
      cpuNanos = THREADS.getCurrentThreadCpuTime() - start;
    }
  }

  /** The index of the next event to publish, cycling through all of them. */
  private int nextEvent() {
    int i = next;
    next = (i + 1) % EVENTS;
    return i;
  }

  @Benchmark
  public PublishReceipt sluiceDurable(PublisherCpu cpu) {
    PublishReceipt receipt =
        broker.publish(DURABLE, events[nextEvent()], AckMode.DURABLE).toCompletableFuture().join();
    return requireStored(receipt.duplicate(), receipt);
  }

  @Benchmark
  public PublishAck baselineRawJetStreamDurable(PublisherCpu cpu) {
    int i = nextEvent();
    reused.put("ce-id", events[i].id());
    PublishAck ack = rawJetStream.publishAsync(DURABLE.value(), reused, payloads[i]).join();
    return requireStored(ack.isDuplicate(), ack);
  }

  @Benchmark
  public PublishReceipt sluiceFireAndForget(PublisherCpu cpu) {
    return broker
        .publish(CORE, events[nextEvent()], AckMode.FIRE_AND_FORGET)
        .toCompletableFuture()
        .join();
  }

  /** The reference: one reused header set, the event's {@code ce-id} put before each publish. */
  @Benchmark
  public void baselineRawCoreFireAndForget(PublisherCpu cpu) {
    int i = nextEvent();
    reused.put("ce-id", events[i].id());
    raw.publish(CORE.value(), reused, payloads[i]);
  }

  /** Raw jnats building the event's header set anew for each publish. */
  @Benchmark
  public void baselineRawCoreHeadersPerEvent(PublisherCpu cpu) {
    int i = nextEvent();
    CloudEvent event = events[i];
    Headers perEvent =
        new Headers()
            .put("ce-specversion", event.specVersion())
            .put("ce-id", event.id())
            .put("ce-source", event.source())
            .put("ce-type", event.type())
            .put("content-type", event.dataContentType().orElseThrow());
    raw.publish(CORE.value(), perEvent, payloads[i]);
  }

  /**
   * Not a target: one identical header set for every publish, the same {@code ce-id} each time,
   * which no publisher of distinct events can send. It is the reference without the {@code ce-id}
   * put; jnats copies it on each publish as it does the reference's.
   */
  @Benchmark
  public void upperBoundRawCoreIdenticalHeaders(PublisherCpu cpu) {
    raw.publish(CORE.value(), identical, payloads[nextEvent()]);
  }

  private static <T> T requireStored(boolean duplicate, T ack) {
    if (duplicate) {
      throw new IllegalStateException("the stream de-duplicated a benchmark publish: " + ack);
    }
    return ack;
  }

  /**
   * Runs every benchmark of this class and prints each Sluice score as a ratio to its baseline, in
   * throughput and in CPU time of the publishing thread per publish.
   */
  public static void main(String[] args) throws Exception {
    Collection<RunResult> results =
        new Runner(new OptionsBuilder().include(NatsPublishBenchmark.class.getSimpleName()).build())
            .run();
    System.out.printf(
        "%nSluice / raw jnats, throughput and publishing-thread CPU (1.00 = no overhead)%n");
    printRatios(results, "sluiceDurable", "baselineRawJetStreamDurable");
    printRatios(results, "sluiceFireAndForget", "baselineRawCoreFireAndForget");
    printRatios(results, "sluiceFireAndForget", "baselineRawCoreHeadersPerEvent");
    System.out.printf("Upper bound, not a target (the same ce-id for every event)%n");
    printRatios(results, "sluiceFireAndForget", "upperBoundRawCoreIdenticalHeaders");
  }

  private static void printRatios(Collection<RunResult> results, String sluice, String baseline) {
    RunResult s = result(results, sluice);
    RunResult b = result(results, baseline);
    double sluiceScore = s.getPrimaryResult().getScore();
    double baselineScore = b.getPrimaryResult().getScore();
    System.out.printf(
        "  %-22s %12.0f ops/s vs %-34s %12.0f ops/s  ratio %.2f%n",
        sluice, sluiceScore, baseline, baselineScore, sluiceScore / baselineScore);
    double sluiceCpu = cpuPerOp(s);
    double baselineCpu = cpuPerOp(b);
    System.out.printf(
        "  %-22s %12.0f ns CPU/op vs %-31s %12.0f ns CPU/op  ratio %.2f (baseline / Sluice)%n",
        "", sluiceCpu, "", baselineCpu, baselineCpu / sluiceCpu);
  }

  private static double cpuPerOp(RunResult result) {
    return result.getSecondaryResults().get("cpuNanos").getScore()
        / result.getPrimaryResult().getScore();
  }

  private static RunResult result(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst()
        .orElseThrow();
  }
}
