package io.sluice.audit;

import java.util.Optional;

/**
 * The verification of one chain.
 *
 * @param chain the chain
 * @param checked how many records were read
 * @param firstSeq the first surviving position (after retention cuts), 0 when empty
 * @param lastSeq the last position, 0 when empty
 * @param firstBreak the first broken link, empty when the chain is intact
 */
public record ChainReport(
    String chain, long checked, long firstSeq, long lastSeq, Optional<ChainBreak> firstBreak) {

  public boolean intact() {
    return firstBreak.isEmpty();
  }

  String toText() {
    String range = checked == 0 ? "no records" : "seq " + firstSeq + ".." + lastSeq;
    return firstBreak
        .map(b -> "BROKEN  " + b)
        .orElse("OK      chain '" + chain + "': " + checked + " records, " + range);
  }
}
