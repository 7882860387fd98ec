package io.sluice.audit;

/**
 * The first place where a chain does not verify.
 *
 * @param chain the chain
 * @param seq the position of the first bad or missing record
 * @param kind what is wrong there
 * @param detail a sentence saying what was expected and what was found
 */
public record ChainBreak(String chain, long seq, Kind kind, String detail) {

  /** The kinds of tampering verify tells apart. */
  public enum Kind {
    /** The record's fields no longer hash to its stored hash. */
    CHANGED,
    /** Records are missing: a gap in the sequence, a missing head, or an unexplained cut. */
    DELETED,
    /**
     * A record the writer did not write: it does not link to its predecessor, or is past the head.
     */
    INSERTED,
    /** An intact record sits at a position it was not written at. */
    REORDERED
  }

  @Override
  public String toString() {
    return "chain '" + chain + "' seq " + seq + ": " + kind + " - " + detail;
  }
}
