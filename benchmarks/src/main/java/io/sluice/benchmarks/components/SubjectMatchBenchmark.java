package io.sluice.benchmarks.components;

import io.sluice.subject.SubjectPattern;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code SubjectPattern.matches} over a mix of literal, {@code *} and {@code >} patterns, each
 * against subjects it matches and subjects it does not. One operation matches every pair of the
 * mix. Baseline: a naive matcher that splits both strings on dots and compares token by token (what
 * one writes first).
 *
 * <p>Run from the repository root with the other component benchmarks: {@code bench/run
 * components}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SubjectMatchBenchmark {
  /** Pattern, subject: literal, single-token and tail wildcards; about half of them match. */
  static final List<String[]> MIX =
      List.of(
          new String[] {"orders.eu.created", "orders.eu.created"},
          new String[] {"orders.eu.created", "orders.eu.cancelled"},
          new String[] {"orders.*.created", "orders.us.created"},
          new String[] {"orders.*.created", "orders.us.shipped"},
          new String[] {"orders.>", "orders.eu.created.v2"},
          new String[] {"orders.>", "payments.eu.settled"},
          new String[] {"tenants.*.events.*", "tenants.acme.events.login"},
          new String[] {"tenants.*.events.*", "tenants.acme.audit.login"},
          new String[] {"tenants.acme.>", "tenants.acme.events.login.failed"},
          new String[] {"tenants.acme.>", "tenants.globex.events.login"},
          new String[] {"metrics.*.cpu.>", "metrics.host-17.cpu.user.p99"},
          new String[] {"metrics.*.cpu.>", "metrics.host-17.mem.used"},
          new String[] {"audit.log", "audit.log"},
          new String[] {"audit.log", "audit.log.extra"},
          new String[] {"*.*.*", "a.b.c"},
          new String[] {"*.*.*", "a.b"});

  private SubjectPattern[] patterns;
  private String[] patternTexts;
  private String[] subjects;

  @Setup
  public void prepare() {
    patterns = MIX.stream().map(p -> SubjectPattern.of(p[0])).toArray(SubjectPattern[]::new);
    patternTexts = MIX.stream().map(p -> p[0]).toArray(String[]::new);
    subjects = MIX.stream().map(p -> p[1]).toArray(String[]::new);
    requireSameAnswers();
  }

  private void requireSameAnswers() {
    for (int i = 0; i < patterns.length; i++) {
      if (patterns[i].matches(subjects[i]) != SplitMatcher.matches(patternTexts[i], subjects[i])) {
        throw new IllegalStateException(
            "the baseline disagrees with SubjectPattern on " + patternTexts[i] + " " + subjects[i]);
      }
    }
  }

  @Benchmark
  public int subjectPatternMatches() {
    int matched = 0;
    for (int i = 0; i < patterns.length; i++) {
      matched += patterns[i].matches(subjects[i]) ? 1 : 0;
    }
    return matched;
  }

  @Benchmark
  public int baselineSplitMatcher() {
    int matched = 0;
    for (int i = 0; i < patternTexts.length; i++) {
      matched += SplitMatcher.matches(patternTexts[i], subjects[i]) ? 1 : 0;
    }
    return matched;
  }

  /** The naive matcher: split both on dots, compare token by token. */
  static final class SplitMatcher {
    private SplitMatcher() {}

    static boolean matches(String pattern, String subject) {
      String[] p = pattern.split("\\.");
      String[] s = subject.split("\\.");
      for (int i = 0; i < p.length; i++) {
        if (p[i].equals(">")) {
          return s.length > i;
        }
        if (i >= s.length || !p[i].equals("*") && !p[i].equals(s[i])) {
          return false;
        }
      }
      return p.length == s.length;
    }
  }
}
