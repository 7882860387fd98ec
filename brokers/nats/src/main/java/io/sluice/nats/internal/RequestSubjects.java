package io.sluice.nats.internal;

/**
 * Where requests travel. A request to a subject no stream covers goes to that subject, so any NATS
 * service can answer it. A request to a subject a stream covers would be captured and acknowledged
 * by JetStream instead of reaching a responder, so it travels under {@link #PREFIX}, which Sluice
 * subscriptions on stream subjects also listen to.
 */
final class RequestSubjects {
  /** Namespace of requests to subjects that lie in a stream. */
  static final String PREFIX = "_sluice.request.";

  private RequestSubjects() {}

  static String inRequestNamespace(String subjectOrPattern) {
    return PREFIX + subjectOrPattern;
  }

  /** The subject the requester addressed, given the one a message arrived on. */
  static String addressed(String arrivedOn) {
    return arrivedOn.startsWith(PREFIX) ? arrivedOn.substring(PREFIX.length()) : arrivedOn;
  }
}
