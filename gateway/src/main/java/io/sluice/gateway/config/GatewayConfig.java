package io.sluice.gateway.config;

import io.sluice.broker.AckMode;
import io.sluice.contracts.RegistrySettings;
import io.sluice.gateway.audit.GatewayAuditConfig;
import io.sluice.gateway.proxy.ProxyConfig;
import io.sluice.gateway.push.PushConfig;
import io.sluice.subject.SubjectPattern;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole gateway configuration, validated. Build it with {@link ConfigLoader}; every section has
 * defaults, so an empty file is a valid development configuration.
 *
 * @param identity the {@code identity} section as read, empty when absent (development mode)
 * @param policy the {@code policy} section as read, empty when absent (development policy)
 * @param audit the {@code audit} section (defaults: an H2 file beside the broker's data, refuse)
 * @param schemas the {@code schemas} section's registry settings; empty when the section is absent,
 *     and then no event is validated against a schema
 * @param proxy the {@code proxy} section: routes to upstream services, none when absent
 * @param push the {@code push} section: configured push subscriptions (webhooks) and the store of
 *     API-created ones
 */
public record GatewayConfig(
    Server server,
    BrokerTarget broker,
    Map<String, Object> identity,
    Map<String, Object> policy,
    Limits limits,
    Publish publish,
    Idempotency idempotency,
    Logging logging,
    Streaming streaming,
    Optional<RegistrySettings> schemas,
    ProxyConfig proxy,
    GatewayAuditConfig audit,
    PushConfig push) {

  public GatewayConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(broker, "broker");
    identity = Map.copyOf(identity);
    policy = Map.copyOf(policy);
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(publish, "publish");
    Objects.requireNonNull(idempotency, "idempotency");
    Objects.requireNonNull(logging, "logging");
    Objects.requireNonNull(streaming, "streaming");
    Objects.requireNonNull(schemas, "schemas");
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(push, "push");
  }

  /** This configuration with the {@code schemas} section's settings (empty: no registry). */
  public GatewayConfig withSchemas(Optional<RegistrySettings> settings) {
    return new GatewayConfig(
        server,
        broker,
        identity,
        policy,
        limits,
        publish,
        idempotency,
        logging,
        streaming,
        settings,
        proxy,
        audit,
        push);
  }

  /** True when no identity is configured: the gateway then mints and accepts a dev token. */
  public boolean developmentMode() {
    return identity.isEmpty();
  }

  /** Where the HTTP server listens. */
  public record Server(String host, int port, Optional<Tls> tls) {
    public Server {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("server.port must be 0..65535 but was " + port);
      }
      Objects.requireNonNull(tls, "tls");
    }

    /** True for 127.0.0.0/8, ::1 and {@code localhost}. */
    public boolean isLoopback() {
      try {
        return host.equals("localhost") || InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
  }

  /**
   * TLS for the HTTP server; {@code clientAuth} is {@code none}, {@code request} or {@code
   * required}.
   */
  public record Tls(Path cert, Path key, String clientAuth, Optional<Path> trustCa) {
    public Tls {
      Objects.requireNonNull(cert, "cert");
      Objects.requireNonNull(key, "key");
      if (!List.of("none", "request", "required").contains(clientAuth)) {
        throw new IllegalArgumentException(
            "server.tls.clientAuth must be none, request or required but was " + clientAuth);
      }
      Objects.requireNonNull(trustCa, "trustCa");
    }
  }

  /** The broker to open, by URL, with adapter settings passed through. */
  public record BrokerTarget(String url, Map<String, Object> settings) {
    public BrokerTarget {
      Objects.requireNonNull(url, "url");
      settings = Map.copyOf(settings);
    }
  }

  /** Guardrails applied to every request. */
  public record Limits(
      long maxBodyBytes,
      int maxBatchSize,
      int maxHeaderBytes,
      List<String> allowedContentTypes,
      RateLimit rateLimit,
      int maxInFlight,
      Duration publishTimeout,
      Duration shutdownTimeout) {
    public Limits {
      positive("limits.maxBodyBytes", maxBodyBytes);
      positive("limits.maxBatchSize", maxBatchSize);
      positive("limits.maxHeaderBytes", maxHeaderBytes);
      allowedContentTypes = List.copyOf(allowedContentTypes);
      Objects.requireNonNull(rateLimit, "rateLimit");
      positive("limits.maxInFlight", maxInFlight);
      Objects.requireNonNull(publishTimeout, "publishTimeout");
      Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }
  }

  /**
   * A token bucket per identity: {@code perSecond} tokens refill each second, up to {@code burst}.
   */
  public record RateLimit(double perSecond, int burst) {
    public RateLimit {
      if (!(perSecond > 0)) {
        throw new IllegalArgumentException(
            "limits.rateLimit.perSecond must be > 0 but was " + perSecond);
      }
      positive("limits.rateLimit.burst", burst);
    }
  }

  /**
   * Publishing defaults: the ack mode when the caller names none, per-pattern overrides (first
   * match wins, in file order), and the {@code source} given to events the gateway wraps.
   */
  public record Publish(
      AckMode defaultAck, Map<SubjectPattern, AckMode> ackOverrides, String source) {
    public Publish {
      Objects.requireNonNull(defaultAck, "defaultAck");
      ackOverrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ackOverrides));
      Objects.requireNonNull(source, "source");
    }

    /** The configured ack mode for a subject. */
    public AckMode ackFor(io.sluice.subject.Subject subject) {
      for (Map.Entry<SubjectPattern, AckMode> e : ackOverrides.entrySet()) {
        if (e.getKey().matches(subject)) {
          return e.getValue();
        }
      }
      return defaultAck;
    }
  }

  /** How long an {@code Idempotency-Key} is remembered, and how many are kept at most. */
  public record Idempotency(Duration ttl, int maxEntries) {
    public Idempotency {
      Objects.requireNonNull(ttl, "ttl");
      positive("idempotency.maxEntries", maxEntries);
    }
  }

  /** Log format: {@code json} (one object per line) or {@code text}. */
  public record Logging(String format) {
    public Logging {
      if (!List.of("json", "text").contains(format)) {
        throw new IllegalArgumentException("logging.format must be json or text but was " + format);
      }
    }
  }

  /**
   * Event streams (SSE and WebSocket): events buffered per stream before a slow client is
   * disconnected, the interval of SSE heartbeat comments, and how long a stream ticket stays valid.
   */
  public record Streaming(int bufferEvents, Duration heartbeat, Duration ticketTtl) {
    public Streaming {
      positive("streaming.bufferEvents", bufferEvents);
      Objects.requireNonNull(heartbeat, "heartbeat");
      Objects.requireNonNull(ticketTtl, "ticketTtl");
    }

    /** 1000 events, a heartbeat every 15 s, tickets valid for 60 s. */
    public static Streaming defaults() {
      return new Streaming(1000, Duration.ofSeconds(15), Duration.ofSeconds(60));
    }
  }

  private static void positive(String key, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be > 0 but was " + value);
    }
  }
}
