-- hash-chained audit records and the head of every writer's chain
CREATE TABLE audit_record (
  chain VARCHAR(200) NOT NULL,
  seq BIGINT NOT NULL,
  time_us BIGINT NOT NULL,
  identity_type VARCHAR NOT NULL,
  identity_id VARCHAR NOT NULL,
  identity_issuer VARCHAR NOT NULL,
  api_key_id VARCHAR,
  certificate_subject VARCHAR,
  action VARCHAR(32) NOT NULL,
  subject VARCHAR,
  event_id VARCHAR,
  idempotency_key VARCHAR,
  outcome VARCHAR(16) NOT NULL,
  status INTEGER NOT NULL,
  receipt VARCHAR,
  error VARCHAR,
  rule VARCHAR,
  policy_version VARCHAR,
  remote_address VARCHAR,
  correlation_id VARCHAR,
  trace_id VARCHAR,
  cut_seq BIGINT,
  cut_hash VARCHAR(64),
  prev_hash VARCHAR(64) NOT NULL,
  hash VARCHAR(64) NOT NULL,
  PRIMARY KEY (chain, seq)
);
CREATE INDEX audit_record_time ON audit_record (time_us);
CREATE INDEX audit_record_identity ON audit_record (identity_id, time_us);
CREATE TABLE audit_chain (
  chain VARCHAR(200) PRIMARY KEY,
  head_seq BIGINT NOT NULL,
  head_hash VARCHAR(64) NOT NULL,
  spool_mark VARCHAR(300),
  writer_mark VARCHAR(100)
);
