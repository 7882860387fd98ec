/**
 * Event contracts: what the {@code data} of each event type must look like, and how that is allowed
 * to change.
 *
 * <p>A {@link io.sluice.contracts.SchemaRegistry} holds one JSON Schema (draft 2020-12) per (event
 * type, version), read from {@code <dir>/<type>/<version>.json} files and from runtime {@link
 * io.sluice.contracts.SchemaRegistry#register registrations} kept in a JDBC table. Each schema is
 * compiled once; {@link io.sluice.contracts.SchemaRegistry#validate validation} at publish time
 * picks the version the event names (the {@code eventversion} extension, else the {@code
 * dataschema} URI, else the latest) and lists every {@link io.sluice.contracts.ContractViolation}
 * with its JSON pointer and rule. {@link io.sluice.contracts.Compatibility} compares two versions
 * and names each {@link io.sluice.contracts.BreakingChange}; registration refuses a version that
 * breaks the configured {@link io.sluice.contracts.CompatibilityMode}. {@link
 * io.sluice.contracts.RecordSchemas} derives a schema from a Java record, and {@link
 * io.sluice.contracts.AsyncApiDocument} and {@link io.sluice.contracts.OpenApiDocument} describe
 * the running system.
 */
package io.sluice.contracts;
