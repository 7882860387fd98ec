package io.sluice.pulsar.internal;

import io.sluice.broker.BrokerSpec;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.pulsar.PulsarSettings;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pulsar.client.api.AuthenticationFactory;
import org.apache.pulsar.client.api.ClientBuilder;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;

/**
 * Opens the Pulsar client and proves the broker answers before the Sluice broker is handed out, so
 * a wrong URL fails at connect with the (redacted) URL instead of at the first publish.
 */
// A URL's user information is a JWT for Pulsar token authentication: pulsar://<token>@host:6650.
final class Connections {
  private Connections() {}

  static PulsarClient open(BrokerSpec spec, PulsarSettings settings) {
    long timeout = settings.operationTimeout().toMillis();
    PulsarClient client;
    try {
      ClientBuilder builder =
          PulsarClient.builder()
              .serviceUrl(serviceUrl(spec.url()))
              .operationTimeout((int) timeout, TimeUnit.MILLISECONDS)
              .connectionTimeout((int) Math.min(timeout, 5_000), TimeUnit.MILLISECONDS);
      String token = spec.url().getUserInfo();
      if (token != null && !token.isEmpty()) {
        builder.authentication(AuthenticationFactory.token(token));
      }
      client = builder.build();
    } catch (PulsarClientException e) {
      throw new BrokerUnavailableException(
          "cannot open Pulsar client for " + spec.redactedUrl() + ": " + e.getMessage(), e);
    }
    probe(client, spec, settings);
    return client;
  }

  private static void probe(PulsarClient client, BrokerSpec spec, PulsarSettings settings) {
    String topic =
        "persistent://" + settings.tenant() + "/" + settings.namespace() + "/sluice-probe";
    try {
      client
          .getPartitionsForTopic(topic, false)
          .get(settings.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof PulsarClientException.NotFoundException)
          && !(e.getCause() instanceof PulsarClientException.TopicDoesNotExistException)) {
        closeQuietly(client);
        throw new BrokerUnavailableException(
            "Pulsar broker at " + spec.redactedUrl() + " is unreachable: " + e.getCause(), e);
      }
    } catch (TimeoutException e) {
      closeQuietly(client);
      throw new BrokerUnavailableException(
          "Pulsar broker at "
              + spec.redactedUrl()
              + " did not answer within "
              + settings.operationTimeout(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(client);
      throw new BrokerUnavailableException("interrupted while connecting to Pulsar", e);
    }
  }

  private static String serviceUrl(URI url) {
    String text = url.toString();
    if (url.getRawUserInfo() != null) {
      text = text.replace(url.getRawUserInfo() + "@", "");
    }
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static void closeQuietly(PulsarClient client) {
    try {
      client.close();
    } catch (PulsarClientException ignored) {
      // the connection never worked; nothing to release beyond what close tried
    }
  }
}
