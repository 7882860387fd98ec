package io.sluice.benchmarks.embedded;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link EmbeddedVsJetStreamBenchmark} for both brokers in one run and prints each benchmark's
 * throughput and the ratio embedded / JetStream (above 1: the embedded broker is faster). See the
 * benchmark's header for the command.
 */
public final class BenchmarkRatios {
  private BenchmarkRatios() {}

  public static void main(String[] args) throws RunnerException {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(EmbeddedVsJetStreamBenchmark.class.getSimpleName())
                    .build())
            .run();
    Map<String, Map<String, Double>> scores = new TreeMap<>();
    for (RunResult r : results) {
      String benchmark = r.getParams().getBenchmark();
      String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      scores
          .computeIfAbsent(name, k -> new TreeMap<>())
          .put(r.getParams().getParam("broker"), r.getPrimaryResult().getScore());
    }
    System.out.printf("%n%-16s %14s %14s %8s%n", "benchmark", "embedded/s", "jetstream/s", "ratio");
    scores.forEach(
        (name, byBroker) -> {
          double embedded = byBroker.getOrDefault("embedded", Double.NaN);
          double jetStream = byBroker.getOrDefault("jetstream", Double.NaN);
          System.out.printf(
              "%-16s %14.0f %14.0f %8.2f%n", name, embedded, jetStream, embedded / jetStream);
        });
  }
}
