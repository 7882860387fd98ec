package io.sluice.broker;

import io.sluice.subject.Subject;

/** The broker refused an event for good (no stream covers the subject, too large, ...). */
public final class PublishRejectedException extends BrokerException {
  private final transient Subject subject;
  private final String reason;

  public PublishRejectedException(Subject subject, String reason, Throwable cause) {
    super("publish to '" + subject + "' rejected: " + reason, cause);
    this.subject = subject;
    this.reason = reason;
  }

  public PublishRejectedException(Subject subject, String reason) {
    this(subject, reason, null);
  }

  public Subject subject() {
    return subject;
  }

  public String reason() {
    return reason;
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
