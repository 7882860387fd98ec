package io.sluice.benchmarks.audit;

import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the audit benchmarks of this package in one run and prints, per measurement, its cost per
 * record, the baseline's and the ratio (measured / baseline). Run from the repository root: {@code
 * bench/run audit}.
 */
public final class AuditRatios {
  private static final String ROW = "%-44s %12.1f %12.1f %8.2f  %s%n";

  private final Map<String, Double> scores = new HashMap<>();

  private AuditRatios() {}

  public static void main(String[] args) throws RunnerException {
    AuditRatios ratios = new AuditRatios();
    new Runner(new OptionsBuilder().include(AuditRatios.class.getPackageName() + ".").build())
        .run()
        .forEach(ratios::add);
    ratios.print();
  }

  private void add(RunResult result) {
    String benchmark = result.getParams().getBenchmark();
    scores.put(
        benchmark.substring(benchmark.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
  }

  private void print() {
    System.out.printf(
        "%n%-44s %12s %12s %8s  %s%n",
        "audit, per record", "measured ns", "baseline ns", "ratio", "baseline");
    row(
        "append + store (H2 file, default config)",
        "appendAndStore",
        "baselineH2InsertOnly",
        "H2 batch insert of the same rows alone");
    row(
        "append + store (H2 file, default config)",
        "appendAndStore",
        "baselineInMemoryList",
        "entries added to an in-memory list");
    row(
        "append, caller's side only",
        "appendCallerSide",
        "baselineInMemoryList",
        "entries added to an in-memory list");
  }

  private void row(String what, String measured, String baseline, String description) {
    double m = scores.getOrDefault(measured, Double.NaN);
    double b = scores.getOrDefault(baseline, Double.NaN);
    System.out.printf(ROW, what, m, b, m / b, description);
  }
}
