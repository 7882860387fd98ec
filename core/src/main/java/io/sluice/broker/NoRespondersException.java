package io.sluice.broker;

import io.sluice.subject.Subject;

/** The broker reported that nobody subscribes to a request's subject. */
public final class NoRespondersException extends BrokerException {
  public NoRespondersException(Subject subject) {
    super("no responders on '" + subject + "'", null);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
