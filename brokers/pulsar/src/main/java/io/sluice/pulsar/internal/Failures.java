package io.sluice.pulsar.internal;

import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerException;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.broker.PublishRejectedException;
import io.sluice.subject.Subject;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.pulsar.client.api.PulsarClientException;

/** Turns Pulsar client failures into Sluice's broker exceptions, keeping the cause. */
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
    if (cause instanceof PulsarClientException.AlreadyClosedException) {
      return new BrokerClosedException("the Pulsar broker connection is closed");
    }
    if (isTransient(cause)) {
      return new BrokerUnavailableException(
          "publish to '" + subject + "' failed: " + cause.getMessage(), cause);
    }
    return new PublishRejectedException(subject, String.valueOf(cause.getMessage()), cause);
  }

  static BrokerException ofOperation(String what, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof BrokerException known) {
      return known;
    }
    if (cause instanceof PulsarClientException.AlreadyClosedException) {
      return new BrokerClosedException("the Pulsar broker connection is closed");
    }
    return new BrokerUnavailableException(what + " failed: " + cause.getMessage(), cause);
  }

  private static boolean isTransient(Throwable cause) {
    return cause instanceof PulsarClientException.TimeoutException
        || cause instanceof PulsarClientException.ConnectException
        || cause instanceof PulsarClientException.LookupException
        || cause instanceof PulsarClientException.BrokerMetadataException
        || cause instanceof PulsarClientException.ProducerQueueIsFullError
        || cause instanceof java.util.concurrent.TimeoutException;
  }
}
