/**
 * How contracts work inside: the compiled-schema cache over the JSON Schema validator, the JDBC
 * store with its versioned DDL, the schema file reader, the configuration reader, and the schema
 * comparator that walks a reader schema and a writer schema side by side. Not API.
 */
package io.sluice.contracts.internal;
