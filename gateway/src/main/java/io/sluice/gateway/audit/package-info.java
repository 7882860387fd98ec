/**
 * The gateway's side of the audit trail. {@link io.sluice.gateway.audit.GatewayAuditConfig} reads
 * the {@code audit} configuration section (the {@code sluice-audit} settings plus {@code
 * mirror.subject}); {@link io.sluice.gateway.audit.GatewayAudit} owns the open {@link
 * io.sluice.audit.AuditLog}, exports its counters as metrics and optionally mirrors every durable
 * record to a broker subject as an {@code io.sluice.audit.record} CloudEvent.
 *
 * <p>The model is fail closed: the request pipelines append the record of an allow decision before
 * they act on it, and when {@link io.sluice.gateway.audit.GatewayAudit#append} reports the entry
 * refused they answer 503 and do nothing. Outcome records (receipt, failure) follow the action.
 */
package io.sluice.gateway.audit;
