package io.sluice.kafka.internal;

import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerException;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.broker.PublishRejectedException;
import io.sluice.subject.Subject;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;

/** Turns Kafka client failures into Sluice's broker exceptions, keeping the cause. */
final class Failures {
  private Failures() {}

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static BrokerException ofPublish(Subject subject, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof BrokerException known) {
      return known;
    }
    if (cause instanceof IllegalStateException) {
      return new BrokerClosedException("the Kafka broker connection is closed");
    }
    if (cause instanceof RetriableException || cause instanceof TimeoutException) {
      return new BrokerUnavailableException(
          "publish to '" + subject + "' failed: " + cause.getMessage(), cause);
    }
    return new PublishRejectedException(subject, String.valueOf(cause.getMessage()), cause);
  }

  static BrokerException of(String what, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof BrokerException known) {
      return known;
    }
    return new BrokerUnavailableException(what + " failed: " + cause, cause);
  }
}
