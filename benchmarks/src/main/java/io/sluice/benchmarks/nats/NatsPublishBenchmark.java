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
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * NATS). The raw baselines send the same subject, {@code ce-} headers and payload; they are the
 * targets' reference. Raw jnats reuses one pre-built header set, which a real publisher of distinct
 * events cannot, so a second fire-and-forget baseline builds the same headers for every publish and
 * Sluice is reported against both. Starts its own {@code nats-server -js} (memory stream) on a free
 * loopback port.
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

  private NatsServerProcess server;
  private Broker broker;
  private Connection raw;
  private JetStream rawJetStream;
  private CloudEvent event;
  private Headers headers;
  private byte[] payload;

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
    payload = new byte[256];
    Arrays.fill(payload, (byte) 'x');
    event =
        CloudEvent.builder()
            .id("bench-1")
            .source("/sluice/benchmarks")
            .type("io.sluice.bench.published")
            .data("application/octet-stream", payload)
            .build();
    headers = new Headers();
    BinaryMode.toHeaders(event, BinaryMode.HTTP_PREFIX).forEach(headers::put);
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    broker.close();
    raw.close();
    server.close();
  }

  @Benchmark
  public PublishReceipt sluiceDurable() {
    return broker.publish(DURABLE, event, AckMode.DURABLE).toCompletableFuture().join();
  }

  @Benchmark
  public PublishAck baselineRawJetStreamDurable() {
    return rawJetStream.publishAsync(DURABLE.value(), headers, payload).join();
  }

  @Benchmark
  public PublishReceipt sluiceFireAndForget() {
    return broker.publish(CORE, event, AckMode.FIRE_AND_FORGET).toCompletableFuture().join();
  }

  @Benchmark
  public void baselineRawCoreFireAndForget() {
    raw.publish(CORE.value(), headers, payload);
  }

  /**
   * Raw jnats building the event's header set for each publish, as a publisher of new events must.
   */
  @Benchmark
  public void baselineRawCoreHeadersPerEvent() {
    Headers perEvent =
        new Headers()
            .put("ce-specversion", event.specVersion())
            .put("ce-id", event.id())
            .put("ce-source", event.source())
            .put("ce-type", event.type())
            .put("content-type", event.dataContentType().orElseThrow());
    raw.publish(CORE.value(), perEvent, payload);
  }

  /** Runs every benchmark of this class and prints each Sluice score as a ratio to its baseline. */
  public static void main(String[] args) throws Exception {
    Collection<RunResult> results =
        new Runner(new OptionsBuilder().include(NatsPublishBenchmark.class.getSimpleName()).build())
            .run();
    System.out.printf("%nSluice / raw jnats throughput (1.00 = no overhead)%n");
    printRatio(results, "sluiceDurable", "baselineRawJetStreamDurable");
    printRatio(results, "sluiceFireAndForget", "baselineRawCoreFireAndForget");
    printRatio(results, "sluiceFireAndForget", "baselineRawCoreHeadersPerEvent");
  }

  private static void printRatio(Collection<RunResult> results, String sluice, String baseline) {
    double s = score(results, sluice);
    double b = score(results, baseline);
    System.out.printf(
        "  %-22s %12.0f ops/s vs %-30s %12.0f ops/s  ratio %.2f%n", sluice, s, baseline, b, s / b);
  }

  private static double score(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst()
        .orElseThrow()
        .getPrimaryResult()
        .getScore();
  }
}
