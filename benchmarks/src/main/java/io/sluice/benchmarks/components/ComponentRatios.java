package io.sluice.benchmarks.components;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every component benchmark of this package in one run and prints, per component and case, the
 * measured cost, its baseline's cost and the ratio (measured / baseline: above 1 the component
 * costs more than its baseline), then the two issue 10 targets that have a component-level
 * counterpart. Run from the repository root: {@code bench/run components}.
 */
public final class ComponentRatios {
  private static final String ROW = "%-36s %-7s %12.1f %12.1f %8.2f  %s%n";

  private final Map<String, Double> scores = new HashMap<>();

  private ComponentRatios() {}

  public static void main(String[] args) throws RunnerException {
    ComponentRatios ratios = new ComponentRatios();
    new Runner(new OptionsBuilder().include(ComponentRatios.class.getPackageName() + ".").build())
        .run()
        .forEach(ratios::add);
    ratios.print();
  }

  private void add(RunResult result) {
    String benchmark = result.getParams().getBenchmark();
    String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1));
    String params =
        String.join(
            ",",
            result.getParams().getParamsKeys().stream()
                .map(k -> result.getParams().getParam(k))
                .toList());
    scores.put(name.substring(1) + "[" + params + "]", result.getPrimaryResult().getScore());
  }

  private void print() {
    System.out.printf(
        "%n%-36s %-7s %12s %12s %8s  %s%n",
        "component", "case", "measured ns", "baseline ns", "ratio", "baseline");
    subjects();
    policies();
    codecs();
    tokens();
    targets();
  }

  private void subjects() {
    row(
        "subject matching (16 pairs)",
        "mix",
        "SubjectMatch.subjectPatternMatches",
        "",
        "SubjectMatch.baselineSplitMatcher",
        "split-based matcher");
  }

  private void policies() {
    for (String rules : List.of("10", "1000", "100000")) {
      row(
          "policy decision, publish",
          rules,
          "PolicyDecision.decidePublish",
          rules,
          "PolicyDecision.baselineHashSetLookup",
          "HashSet of 100,000 subjects");
    }
  }

  private void codecs() {
    for (String size : List.of("256", "4096")) {
      row(
          "CloudEvent structured decode+encode",
          size + " B",
          "CloudEventCodec.structuredRoundTrip",
          size,
          "CloudEventCodec.baselineJacksonRoundTrip",
          "Jackson reads and writes a Map");
      row(
          "CloudEvent binary decode+encode",
          size + " B",
          "CloudEventCodec.binaryRoundTrip",
          size,
          "CloudEventCodec.baselineJacksonRoundTrip",
          "Jackson reads and writes a Map");
    }
  }

  private void tokens() {
    for (String alg : List.of("RS256", "ES256")) {
      row(
          "token verification, cold",
          alg,
          "TokenVerification.gatewayCold",
          alg,
          "TokenVerification.baselineNimbusCold",
          "Nimbus parse + verify + claims");
    }
    for (String alg : List.of("RS256", "ES256")) {
      row(
          "token verification, cached",
          alg,
          "TokenVerification.gatewayCached",
          alg,
          "TokenVerification.baselineMapLookup",
          "ConcurrentHashMap lookup");
    }
    System.out.printf(
        "%-36s %-7s %12s %12.1f %8s  %s%n",
        "Nimbus HS256 (reference)",
        "HS256",
        "",
        score("TokenVerification.referenceNimbusHs256", ""),
        "",
        "");
  }

  private void targets() {
    double scaling =
        score("PolicyDecision.decidePublish", "100000")
            / score("PolicyDecision.decidePublish", "10");
    System.out.printf(
        "%nPolicy, 100,000 rules / 10 rules: %.1fx (issue 10 scenario 5 target: < 1.3x; %s)%n",
        scaling, scaling < 1.3 ? "met" : "missed by a factor of " + fixed(scaling / 1.3));
    double hs256 = score("TokenVerification.referenceNimbusHs256", "");
    for (String alg : List.of("RS256", "ES256")) {
      double share = hs256 / score("TokenVerification.gatewayCached", alg);
      System.out.printf(
          "Cached %s through the gateway vs a Nimbus HS256 verification, throughput: %.2f"
              + " (issue 10 scenario 4 target: >= 0.95; %s)%n",
          alg, share, share >= 0.95 ? "met" : "missed");
    }
  }

  private void row(
      String component,
      String label,
      String measured,
      String param,
      String baseline,
      String baselineName) {
    double m = score(measured, param);
    double b = score(baseline, param);
    System.out.printf(ROW, component, label, m, b, m / b, baselineName);
  }

  /** The score at {@code param}, or the benchmark's only score when it takes no parameter. */
  private double score(String benchmark, String param) {
    String name = benchmark.replace(".", "Benchmark.");
    Double s = scores.getOrDefault(name + "[" + param + "]", scores.get(name + "[]"));
    if (s == null) {
      throw new IllegalStateException("no result for " + benchmark + " " + param);
    }
    return s;
  }

  private static String fixed(double value) {
    return String.format("%.1f", value);
  }
}
