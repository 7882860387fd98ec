package io.sluice.broker;

import io.sluice.subject.Subject;
import java.time.Duration;

/** No reply arrived within the request's timeout. */
public final class RequestTimeoutException extends BrokerException {
  public RequestTimeoutException(Subject subject, Duration timeout) {
    super("no reply on '" + subject + "' within " + timeout.toMillis() + " ms", null);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
