package io.sluice.audit;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The result of verifying one chain or every chain in a store. */
public record VerifyReport(List<ChainReport> chains) {
  public VerifyReport {
    chains = List.copyOf(chains);
  }

  /** True when every chain verified. */
  public boolean intact() {
    return chains.stream().allMatch(ChainReport::intact);
  }

  /** The first broken link of the first broken chain (chains in name order). */
  public Optional<ChainBreak> firstBreak() {
    return chains.stream().flatMap(c -> c.firstBreak().stream()).findFirst();
  }

  /** One line per chain and a verdict, for the command line. */
  public String toText() {
    String lines = chains.stream().map(ChainReport::toText).collect(Collectors.joining("\n"));
    String verdict =
        intact()
            ? "audit trail intact (" + chains.size() + " chains)"
            : "audit trail BROKEN: " + firstBreak().orElseThrow();
    return chains.isEmpty() ? "no audit chains found\n" : lines + "\n" + verdict + "\n";
  }
}
