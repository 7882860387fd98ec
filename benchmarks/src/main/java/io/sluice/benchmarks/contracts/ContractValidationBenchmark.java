package io.sluice.benchmarks.contracts;

import io.sluice.contracts.Registration;
import io.sluice.contracts.RegistrySettings;
import io.sluice.contracts.SchemaRegistry;
import io.sluice.contracts.StoreSettings;
import io.sluice.contracts.TypeBinding;
import io.sluice.contracts.ValidationResult;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Schema validation's share of the per-event cost of a structured publish. The baseline is what the
 * gateway does per publish without a registry, decoding the {@code application/cloudevents+json}
 * body with {@code JsonFormat.decode}; the measured path decodes the same bytes and then runs
 * {@code SchemaRegistry.validate} (subject binding, version, data against the compiled schema with
 * formats asserted), as the gateway does with a {@code schemas} section. Validation alone is
 * measured too. The contract is {@link OrderContract}'s order, registered at run time in a registry
 * on a temporary H2 file; events carry 256 bytes and 4 KB of valid data.
 *
 * <p>Run from the repository root (prints validation's share and the ratio at the end and writes
 * benchmarks/results/&lt;date&gt;-contract-validation.txt):
 *
 * <pre>
 * bench/run contracts
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ContractValidationBenchmark {
  /** Bytes of {@code data} in the event; the whole structured event is larger by its envelope. */
  @Param({"256", "4096"})
  public int dataBytes;

  private Path storeDir;
  private SchemaRegistry registry;
  private byte[] structured;
  private CloudEvent decoded;

  @Setup(Level.Trial)
  public void start() throws IOException {
    storeDir = Files.createTempDirectory("sluice-contract-bench");
    registry =
        SchemaRegistry.open(
            RegistrySettings.of(StoreSettings.h2File(storeDir.resolve("contracts")))
                .withBindings(
                    List.of(TypeBinding.of(OrderContract.TYPE, OrderContract.SUBJECT_PATTERN))));
    register();
    structured = OrderContract.structuredEvent(dataBytes);
    decoded = JsonFormat.decode(structured);
    if (decoded.dataLength() != dataBytes) {
      throw new IllegalStateException(
          "the event must carry " + dataBytes + " bytes of data but has " + decoded.dataLength());
    }
    requireValid(registry.validate(decoded, OrderContract.SUBJECT));
  }

  private void register() {
    Registration registration =
        registry.register(OrderContract.TYPE, OrderContract.VERSION, OrderContract.SCHEMA);
    if (registration.outcome() != Registration.Outcome.REGISTERED) {
      throw new IllegalStateException(
          "the order schema was not registered: " + registration.outcome());
    }
  }

  private static void requireValid(ValidationResult result) {
    if (!result.isValid()) {
      throw new IllegalStateException(
          "the benchmark event must be valid but has violations " + result.violations());
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    registry.close();
    try (Stream<Path> files = Files.walk(storeDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public CloudEvent baselineDecode() {
    return JsonFormat.decode(structured);
  }

  @Benchmark
  public ValidationResult decodeAndValidate() {
    return registry.validate(JsonFormat.decode(structured), OrderContract.SUBJECT);
  }

  @Benchmark
  public ValidationResult validateOnly() {
    return registry.validate(decoded, OrderContract.SUBJECT);
  }

  /** Runs every benchmark of this class and prints validation's share of the per-event cost. */
  public static void main(String[] args) throws Exception {
    for (String size : List.of("256", "4096")) {
      byte[] event = OrderContract.structuredEvent(Integer.parseInt(size));
      System.out.printf(
          "data %5d bytes (%d line items): structured event %5d bytes%n",
          JsonFormat.decode(event).dataLength(),
          OrderContract.lineCount(Integer.parseInt(size)),
          event.length);
    }
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(ContractValidationBenchmark.class.getSimpleName())
                    .build())
            .run();
    System.out.printf(
        "%nPer event, ns (share = 1 - decode / (decode + validate); ratio = (decode + validate)"
            + " / decode)%n");
    System.out.printf(
        "  %-10s %10s %18s %14s %7s %7s%n",
        "data", "decode", "decode+validate", "validate", "share", "ratio");
    for (String size : List.of("256", "4096")) {
      printShare(results, size);
    }
  }

  private static void printShare(Collection<RunResult> results, String size) {
    double baseline = score(results, "baselineDecode", size);
    double measured = score(results, "decodeAndValidate", size);
    double alone = score(results, "validateOnly", size);
    System.out.printf(
        "  %-10s %10.0f %18.0f %14.0f %6.0f%% %7.2f%n",
        size + " B",
        baseline,
        measured,
        alone,
        100 * (1 - baseline / measured),
        measured / baseline);
  }

  private static double score(Collection<RunResult> results, String method, String size) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .filter(r -> size.equals(r.getParams().getParam("dataBytes")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no result for " + method + " " + size))
        .getPrimaryResult()
        .getScore();
  }
}
