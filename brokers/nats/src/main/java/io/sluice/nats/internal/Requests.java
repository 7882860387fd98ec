package io.sluice.nats.internal;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.sluice.broker.NoRespondersException;
import io.sluice.broker.RequestTimeoutException;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Core NATS request-reply; the server's "no responders" status ends a request at once. Requests to
 * subjects in a stream travel in the request namespace ({@link RequestSubjects}).
 */
final class Requests {
  private final Connection connection;
  private final StreamLocator streams;

  Requests(Connection connection, StreamLocator streams) {
    this.connection = connection;
    this.streams = streams;
  }

  CompletionStage<CloudEvent> send(Subject subject, CloudEvent request, Duration timeout) {
    CompletableFuture<CloudEvent> result = new CompletableFuture<>();
    CompletableFuture<Message> reply;
    try {
      Subject target =
          streams.covers(subject)
              ? Subject.of(RequestSubjects.inRequestNamespace(subject.value()))
              : subject;
      reply = connection.requestWithTimeout(EventCodec.encode(target, request, null), timeout);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(Failures.of("send a request to '" + subject + "'", e));
    }
    reply
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (message, error) -> {
              if (error == null) {
                complete(result, message);
              } else {
                result.completeExceptionally(failure(subject, timeout, error));
              }
            });
    return result;
  }

  private static void complete(CompletableFuture<CloudEvent> result, Message message) {
    try {
      result.complete(EventCodec.decode(message));
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  private static RuntimeException failure(Subject subject, Duration timeout, Throwable error) {
    Throwable cause = Failures.unwrap(error);
    if (Failures.isNoResponders(cause)) {
      return new NoRespondersException(subject);
    }
    if (Failures.isTimeout(cause) || cause instanceof CancellationException) {
      return new RequestTimeoutException(subject, timeout);
    }
    return Failures.of("request on '" + subject + "'", cause);
  }
}
