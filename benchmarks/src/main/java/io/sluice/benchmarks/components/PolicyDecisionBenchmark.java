package io.sluice.benchmarks.components;

import io.sluice.gateway.policy.Action;
import io.sluice.gateway.policy.Decision;
import io.sluice.gateway.policy.PolicyEngine;
import io.sluice.gateway.policy.PolicySource;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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

/**
 * The gateway's policy engine deciding publish for a caller, with 10, 1,000 and 100,000 rules
 * ({@link PolicyFixture}); each operation decides one of 16 targets whose allowing rules are spread
 * over the rule list. Baseline, the cost floor: a {@code HashSet} holding one exact permitted
 * subject per rule of the largest policy (100,000), asked whether it contains the next target.
 * Issue 10 asks that 100,000 rules cost less than 1.3x of 10 rules.
 *
 * <p>Run from the repository root with the other component benchmarks: {@code bench/run
 * components}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PolicyDecisionBenchmark {
  static final int LARGEST = 100_000;

  /** A compiled policy of {@code rules} rules and the targets it allows. */
  @State(Scope.Benchmark)
  public static class Policy {
    @Param({"10", "1000", "100000"})
    public int rules;

    PolicySource source;
    PolicyEngine engine;
    String[] targets;
    int next;

    @Setup(Level.Trial)
    public void compile() {
      source = PolicyFixture.policy(rules);
      engine = source.current();
      targets = PolicyFixture.targets(rules);
      for (String target : targets) {
        Decision d = engine.decide(PolicyFixture.WRITER, Action.PUBLISH, target);
        if (!d.allowed()) {
          throw new IllegalStateException("every target must be allowed but " + target + ": " + d);
        }
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      source.close();
    }
  }

  /** The exact subjects the largest policy permits, one per rule. */
  @State(Scope.Benchmark)
  public static class Floor {
    Set<String> permitted;
    String[] targets;
    int next;

    @Setup(Level.Trial)
    public void fill() {
      permitted = new HashSet<>(PolicyFixture.permittedSubjects(LARGEST));
      targets = PolicyFixture.targets(LARGEST);
      for (String target : targets) {
        if (!permitted.contains(target)) {
          throw new IllegalStateException("every target must be permitted but " + target);
        }
      }
    }
  }

  @Benchmark
  public Decision decidePublish(Policy p) {
    p.next = (p.next + 1) & (PolicyFixture.TARGETS - 1);
    return p.engine.decide(PolicyFixture.WRITER, Action.PUBLISH, p.targets[p.next]);
  }

  @Benchmark
  public boolean baselineHashSetLookup(Floor f) {
    f.next = (f.next + 1) & (PolicyFixture.TARGETS - 1);
    return f.permitted.contains(f.targets[f.next]);
  }
}
