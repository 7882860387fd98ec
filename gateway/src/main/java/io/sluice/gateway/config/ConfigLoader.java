package io.sluice.gateway.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.audit.AuditConfig;
import io.sluice.broker.AckMode;
import io.sluice.gateway.audit.GatewayAuditConfig;
import io.sluice.gateway.identity.Authenticators;
import io.sluice.gateway.policy.Policies;
import io.sluice.gateway.policy.PolicySource;
import io.sluice.gateway.proxy.ProxyConfig;
import io.sluice.gateway.push.PushConfig;
import io.sluice.subject.InvalidSubjectException;
import io.sluice.subject.SubjectPattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the gateway configuration from YAML and the environment, checking every key. {@link #load}
 * and {@link #parse} either return a valid {@link GatewayConfig} or throw {@link
 * InvalidConfigException} listing every problem at once.
 */
public final class ConfigLoader {
  /** Every scalar key, in documentation order; each can be overridden from the environment. */
  public static final List<String> KEYS =
      List.of(
          "server.host",
          "server.port",
          "server.tls.cert",
          "server.tls.key",
          "server.tls.clientAuth",
          "server.tls.trustCa",
          "broker.url",
          "limits.maxBodyBytes",
          "limits.maxBatchSize",
          "limits.maxHeaderBytes",
          "limits.allowedContentTypes",
          "limits.rateLimit.perSecond",
          "limits.rateLimit.burst",
          "limits.maxInFlight",
          "limits.publishTimeout",
          "limits.shutdownTimeout",
          "publish.defaultAck",
          "publish.source",
          "idempotency.ttl",
          "idempotency.maxEntries",
          "logging.format",
          "streaming.bufferEvents",
          "streaming.heartbeat",
          "streaming.ticketTtl");

  /** Sections handed whole to the component that owns them. */
  private static final Set<String> PASS_THROUGH =
      Set.of(
          "broker.settings",
          "identity",
          "policy",
          "publish.ackOverrides",
          "schemas",
          "audit",
          "proxy",
          "push");

  public static final String DEFAULT_BROKER_URL = "embedded:./sluice-data";
  public static final List<String> DEFAULT_CONTENT_TYPES =
      List.of(
          "application/cloudevents+json",
          "application/cloudevents-batch+json",
          "application/json",
          "text/plain",
          "application/octet-stream");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigLoader() {}

  /** Reads a YAML file, then applies environment overrides. */
  public static GatewayConfig load(Path file, Map<String, String> env) {
    try {
      return parse(Files.readString(file), env);
    } catch (NoSuchFileException e) {
      throw new InvalidConfigException(List.of("config file not found: " + file));
    } catch (IOException e) {
      throw new InvalidConfigException(List.of("config file unreadable: " + file + " (" + e + ")"));
    }
  }

  /** Parses YAML text (may be empty), then applies environment overrides. */
  public static GatewayConfig parse(String yaml, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> tree = readTree(yaml, problems);
    EnvOverrides.apply(tree, env, KEYS, problems);
    ConfigReader r = new ConfigReader(tree, problems);
    GatewayConfig config = read(r, env).withSchemas(SchemaSection.read(tree, problems));
    r.unknownKeys(PASS_THROUGH).forEach(k -> problems.add(k + ": unknown key"));
    if (!problems.isEmpty()) {
      addSectionProblems(config, problems);
      throw new InvalidConfigException(problems);
    }
    return config;
  }

  private static GatewayConfig read(ConfigReader r, Map<String, String> env) {
    GatewayConfig.Server server = server(r);
    Map<String, Object> identity = r.section("identity");
    if (identity.isEmpty() && !server.isLoopback()) {
      r.problem(
          "identity: required when server.host is not a loopback address (server.host is '"
              + server.host()
              + "'); development mode with its printed dev token only runs on 127.0.0.1,"
              + " ::1 or localhost");
    }
    String brokerUrl = r.string("broker.url", DEFAULT_BROKER_URL);
    return new GatewayConfig(
        server,
        new GatewayConfig.BrokerTarget(brokerUrl, r.section("broker.settings")),
        identity,
        r.section("policy"),
        limits(r),
        publish(r),
        new GatewayConfig.Idempotency(
            r.duration("idempotency.ttl", Duration.ofHours(24)),
            (int) r.number("idempotency.maxEntries", 100_000, 1, 10_000_000)),
        new GatewayConfig.Logging(r.oneOf("logging.format", "json", "json", "text")),
        streaming(r),
        Optional.empty(),
        proxy(r),
        audit(r, brokerUrl),
        push(r, env));
  }

  private static GatewayAuditConfig audit(ConfigReader r, String brokerUrl) {
    List<String> problems = new ArrayList<>();
    GatewayAuditConfig audit = GatewayAuditConfig.fromMap(r.section("audit"), brokerUrl, problems);
    problems.forEach(r::problem);
    return audit != null
        ? audit
        : new GatewayAuditConfig(AuditConfig.builder().build(), Optional.empty());
  }

  private static GatewayConfig.Streaming streaming(ConfigReader r) {
    GatewayConfig.Streaming d = GatewayConfig.Streaming.defaults();
    return new GatewayConfig.Streaming(
        (int) r.number("streaming.bufferEvents", d.bufferEvents(), 1, 1_000_000),
        r.duration("streaming.heartbeat", d.heartbeat()),
        r.duration("streaming.ticketTtl", d.ticketTtl()));
  }

  private static ProxyConfig proxy(ConfigReader r) {
    List<String> problems = new ArrayList<>();
    ProxyConfig proxy = ProxyConfig.read(r.section("proxy"), problems);
    problems.forEach(r::problem);
    return proxy;
  }

  private static PushConfig push(ConfigReader r, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    PushConfig push = PushConfig.read(r.section("push"), env, problems);
    problems.forEach(r::problem);
    return push;
  }

  private static GatewayConfig.Server server(ConfigReader r) {
    String host = r.string("server.host", "127.0.0.1");
    int port = (int) r.number("server.port", 8080, 0, 65535);
    Optional<String> cert = r.optionalString("server.tls.cert");
    Optional<String> key = r.optionalString("server.tls.key");
    String clientAuth = r.oneOf("server.tls.clientAuth", "none", "none", "request", "required");
    Optional<Path> trustCa = r.optionalString("server.tls.trustCa").map(Path::of);
    if (cert.isPresent() != key.isPresent()) {
      r.problem("server.tls: cert and key must be given together");
      return new GatewayConfig.Server(host, port, Optional.empty());
    }
    if (!clientAuth.equals("none") && trustCa.isEmpty()) {
      r.problem("server.tls.trustCa: required when server.tls.clientAuth is " + clientAuth);
    }
    Optional<GatewayConfig.Tls> tls =
        cert.map(c -> new GatewayConfig.Tls(Path.of(c), Path.of(key.get()), clientAuth, trustCa));
    return new GatewayConfig.Server(host, port, tls);
  }

  private static GatewayConfig.Limits limits(ConfigReader r) {
    return new GatewayConfig.Limits(
        r.number("limits.maxBodyBytes", 1_048_576, 1, Integer.MAX_VALUE),
        (int) r.number("limits.maxBatchSize", 100, 1, 100_000),
        (int) r.number("limits.maxHeaderBytes", 16_384, 256, 1_048_576),
        r.strings("limits.allowedContentTypes", DEFAULT_CONTENT_TYPES),
        new GatewayConfig.RateLimit(
            r.decimal("limits.rateLimit.perSecond", 100),
            (int) r.number("limits.rateLimit.burst", 200, 1, 1_000_000)),
        (int) r.number("limits.maxInFlight", 1024, 1, 1_000_000),
        r.duration("limits.publishTimeout", Duration.ofSeconds(10)),
        r.duration("limits.shutdownTimeout", Duration.ofSeconds(10)));
  }

  private static GatewayConfig.Publish publish(ConfigReader r) {
    AckMode defaultAck = ackMode(r.oneOf("publish.defaultAck", "durable", "durable", "none"));
    Map<SubjectPattern, AckMode> overrides = new LinkedHashMap<>();
    r.section("publish.ackOverrides")
        .forEach((pattern, mode) -> addOverride(r, pattern, String.valueOf(mode), overrides));
    return new GatewayConfig.Publish(
        defaultAck, overrides, r.string("publish.source", "/sluice/gateway"));
  }

  private static void addOverride(
      ConfigReader r, String pattern, String mode, Map<SubjectPattern, AckMode> out) {
    String key = "publish.ackOverrides." + pattern;
    try {
      SubjectPattern parsed = SubjectPattern.of(pattern);
      if (!mode.equals("durable") && !mode.equals("none")) {
        r.problem(key + ": must be one of durable, none but was '" + mode + "'");
        return;
      }
      out.put(parsed, ackMode(mode));
    } catch (InvalidSubjectException e) {
      r.problem(key + ": not a valid subject pattern (" + e.getMessage() + ")");
    }
  }

  /**
   * When other keys already failed, also checks the identity and policy sections, so that one start
   * reports every problem; on a clean file they are checked when the gateway is assembled.
   */
  private static void addSectionProblems(GatewayConfig config, List<String> problems) {
    if (!config.identity().isEmpty()) {
      Authenticators.fromConfig(config.identity(), problems);
    }
    if (!config.policy().isEmpty()) {
      PolicySource source = Policies.fromConfig(config.policy(), problems);
      if (source != null) {
        source.close();
      }
    }
  }

  /** {@code durable} or {@code none}, as used in config, query and header. */
  public static AckMode ackMode(String name) {
    return name.equals("none") ? AckMode.FIRE_AND_FORGET : AckMode.DURABLE;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readTree(String yaml, List<String> problems) {
    if (yaml.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      Object tree = YAML.readValue(yaml, Object.class);
      if (tree == null) {
        return new LinkedHashMap<>();
      }
      if (tree instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
      problems.add("(root): the file must be a mapping of sections, not a " + kind(tree));
    } catch (JacksonException e) {
      problems.add("(root): not valid YAML: " + e.getOriginalMessage());
    }
    return new LinkedHashMap<>();
  }

  private static String kind(Object value) {
    return value instanceof List<?> ? "list" : "single value";
  }
}
