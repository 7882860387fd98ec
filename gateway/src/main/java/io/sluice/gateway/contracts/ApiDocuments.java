package io.sluice.gateway.contracts;

import io.sluice.contracts.AsyncApiDocument;
import io.sluice.contracts.AsyncApiInputs;
import io.sluice.contracts.ChannelDescription;
import io.sluice.contracts.EnvelopeMode;
import io.sluice.contracts.OpenApiDocument;
import io.sluice.contracts.RegisteredSchema;
import io.sluice.contracts.RegistrySettings;
import io.sluice.contracts.RouteDescription;
import io.sluice.contracts.SchemaRegistry;
import io.sluice.contracts.SecurityScheme;
import io.sluice.contracts.ServerInfo;
import io.sluice.contracts.TypeBinding;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.internal.Routes;
import io.sluice.subject.SubjectPattern;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's AsyncAPI and OpenAPI documents, generated from the running configuration: the
 * server address, the subjects configured under {@code publish.ackOverrides} and {@code
 * schemas.bindings} (or every subject, {@code >}, when none is), the registered schemas, the
 * security schemes the {@code identity} section enables, and the routes {@link Routes} mounts. The
 * gateway serves them at {@code /asyncapi.json} and {@code /openapi.json}; the CLI prints them.
 */
public final class ApiDocuments {
  private static final String TITLE = "Sluice gateway";
  private static final String VERSION = "0.1.0";
  private static final String DESCRIPTION =
      "Publish, request and subscribe to CloudEvents over HTTP; every event lands on the broker"
          + " or fails with a problem+json answer.";

  private ApiDocuments() {}

  /** The AsyncAPI document for a configuration and the schemas registered now. */
  public static AsyncApiDocument asyncApi(
      GatewayConfig config, String host, List<RegisteredSchema> schemas) {
    return AsyncApiDocument.generate(
        new AsyncApiInputs(
            server(config, host),
            channels(config),
            schemas,
            securityInUse(config),
            EnvelopeMode.STRUCTURED));
  }

  /** The AsyncAPI document, with the registry's schemas when there is one. */
  public static AsyncApiDocument asyncApi(
      GatewayConfig config, String host, Optional<SchemaRegistry> registry) {
    return asyncApi(config, host, registry.map(SchemaRegistry::all).orElse(List.of()));
  }

  /** The OpenAPI document of every mounted route, with the security schemes in use. */
  public static OpenApiDocument openApi(GatewayConfig config, String host) {
    Set<SecurityScheme> inUse = securityInUse(config);
    List<RouteDescription> routes =
        Routes.descriptions().stream().map(r -> withSchemes(r, inUse)).toList();
    return OpenApiDocument.generate(server(config, host), routes);
  }

  /** {@code host:port} from the configuration, for offline generation. */
  public static String configuredHost(GatewayConfig config) {
    String host = config.server().host();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + config.server().port();
  }

  private static ServerInfo server(GatewayConfig config, String host) {
    return new ServerInfo(TITLE, VERSION, host, config.server().tls().isPresent(), DESCRIPTION);
  }

  private static RouteDescription withSchemes(RouteDescription route, Set<SecurityScheme> inUse) {
    if (route.security().isEmpty()) {
      return route;
    }
    Set<SecurityScheme> schemes = EnumSet.noneOf(SecurityScheme.class);
    schemes.addAll(route.security());
    schemes.retainAll(inUse);
    return route.securedBy(schemes.toArray(SecurityScheme[]::new));
  }

  /** Development mode verifies dev JWTs; otherwise each configured authenticator adds a scheme. */
  public static Set<SecurityScheme> securityInUse(GatewayConfig config) {
    if (config.developmentMode()) {
      return Set.of(SecurityScheme.BEARER_JWT);
    }
    Set<SecurityScheme> schemes = EnumSet.noneOf(SecurityScheme.class);
    Map<String, Object> identity = config.identity();
    if (identity.containsKey("jwt")) {
      schemes.add(SecurityScheme.BEARER_JWT);
    }
    if (identity.containsKey("apiKeys")) {
      schemes.add(SecurityScheme.API_KEY);
    }
    if (identity.containsKey("mtls")) {
      schemes.add(SecurityScheme.MTLS);
    }
    return schemes;
  }

  private static List<ChannelDescription> channels(GatewayConfig config) {
    Map<String, ChannelDescription> channels = new LinkedHashMap<>();
    config
        .publish()
        .ackOverrides()
        .forEach(
            (pattern, ack) -> channels.put(pattern.toString(), channel(pattern, ack, List.of())));
    config.schemas().map(RegistrySettings::bindings).orElse(List.of()).stream()
        .forEach(binding -> bind(channels, binding, config));
    if (channels.isEmpty()) {
      SubjectPattern all = SubjectPattern.of(">");
      channels.put(">", channel(all, config.publish().defaultAck(), List.of()));
    }
    return new ArrayList<>(channels.values());
  }

  private static void bind(
      Map<String, ChannelDescription> channels, TypeBinding binding, GatewayConfig config) {
    for (SubjectPattern pattern : binding.subjects()) {
      ChannelDescription existing = channels.get(pattern.toString());
      List<String> types = new ArrayList<>();
      if (existing != null) {
        types.addAll(existing.types());
      }
      types.add(binding.type());
      var ack = existing != null ? existing.ackMode() : config.publish().defaultAck();
      channels.put(pattern.toString(), channel(pattern, ack, types));
    }
  }

  private static ChannelDescription channel(
      SubjectPattern pattern, io.sluice.broker.AckMode ack, List<String> types) {
    return new ChannelDescription(pattern, ack, Optional.empty(), true, true, types);
  }
}
