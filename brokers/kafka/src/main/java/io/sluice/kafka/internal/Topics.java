package io.sluice.kafka.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates a topic before a subscription reads it, so the subscription is positioned before the
 * first publish; a topic first met by a publish is created by the cluster's auto-creation with its
 * default partition count.
 */
final class Topics {
  private final Admin admin;
  private final Duration timeout;

  Topics(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  void ensure(String topic) {
    try {
      admin
          .createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
          .all()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw Failures.of("creating topic '" + topic + "'", e.getCause());
      }
    } catch (java.util.concurrent.TimeoutException e) {
      throw Failures.of("creating topic '" + topic + "'", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.of("creating topic '" + topic + "'", e);
    }
  }

  void delete(String topic) {
    admin.deleteTopics(List.of(topic));
  }
}
