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
 * subject per rule, asked whether it contains the same target. Issue 10 asks that 100,000 rules
 * cost less than 1.3x of 10 rules.
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
public class PolicyDecisionBenchmark {
  @Param({"10", "1000", "100000"})
  public int rules;

  private PolicySource source;
  private PolicyEngine engine;
  private Set<String> permitted;
  private String[] targets;
  private int next;

  @Setup(Level.Trial)
  public void compile() {
    source = PolicyFixture.policy(rules);
    engine = source.current();
    permitted = new HashSet<>(PolicyFixture.permittedSubjects(rules));
    targets = PolicyFixture.targets(rules);
    for (String target : targets) {
      Decision d = engine.decide(PolicyFixture.WRITER, Action.PUBLISH, target);
      if (!d.allowed() || !permitted.contains(target)) {
        throw new IllegalStateException("every target must be allowed but " + target + ": " + d);
      }
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    source.close();
  }

  @Benchmark
  public Decision decidePublish() {
    return engine.decide(PolicyFixture.WRITER, Action.PUBLISH, nextTarget());
  }

  @Benchmark
  public boolean baselineHashSetLookup() {
    return permitted.contains(nextTarget());
  }

  private String nextTarget() {
    next = (next + 1) & (PolicyFixture.TARGETS - 1);
    return targets[next];
  }
}
