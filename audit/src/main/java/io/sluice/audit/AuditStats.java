package io.sluice.audit;

/**
 * A snapshot of the log's counters, for metrics and health checks.
 *
 * @param written records committed to the store
 * @param spooled entries written to the local spool (each is later counted in written)
 * @param refused entries refused by {@code append}
 * @param failed entries that were accepted but could not be stored or spooled (logged as ERROR)
 * @param queueDepth entries waiting in memory
 * @param spoolPending entries in the spool not yet replayed into the store
 * @param storeReachable whether the last store operation succeeded
 * @param accepting whether {@code append} currently accepts entries
 */
public record AuditStats(
    long written,
    long spooled,
    long refused,
    long failed,
    int queueDepth,
    long spoolPending,
    boolean storeReachable,
    boolean accepting) {}
