package io.sluice.library;

/**
 * What one {@link DeadLetters#redrive} run did.
 *
 * @param redriven events republished and acknowledged (in a dry run: events that would be)
 * @param skipped events left unacknowledged because they name no original subject
 * @param failed events whose republish failed; left unacknowledged for a later run
 * @param dryRun true when nothing was published or acknowledged
 */
public record RedriveResult(int redriven, int skipped, int failed, boolean dryRun) {

  public boolean anyFailed() {
    return failed > 0;
  }

  @Override
  public String toString() {
    return (dryRun ? "would redrive " : "redriven ")
        + redriven
        + ", skipped "
        + skipped
        + ", failed "
        + failed;
  }
}
