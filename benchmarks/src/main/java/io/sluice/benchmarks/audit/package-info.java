/**
 * The audit trail's cost per record with its default store (an H2 file), against baselines in the
 * same run: the same entries appended to an in-memory list (what building and handing over an entry
 * costs without a log) and the same rows inserted into H2 with one JDBC batch and one commit (the
 * store alone, without chaining, hashing or the writer thread). {@link
 * io.sluice.benchmarks.audit.AuditRatios} runs them and prints each ratio.
 */
package io.sluice.benchmarks.audit;
