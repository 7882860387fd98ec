package io.sluice.gateway.policy;

/** What a caller wants to do with a subject. */
public enum Action {
  PUBLISH,
  SUBSCRIBE,
  REQUEST,
  /** Administrative endpoints (policy explain, audit query). The subject is the endpoint name. */
  ADMIN
}
