package io.sluice.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.audit.AuditConfig;
import io.sluice.audit.AuditLog;
import io.sluice.broker.Broker;
import io.sluice.contracts.RouteDescription;
import io.sluice.gateway.AccessControl;
import io.sluice.gateway.GatewayOptions;
import io.sluice.gateway.audit.GatewayAudit;
import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.identity.DevelopmentIdentity;
import io.sluice.gateway.policy.Decision;
import io.sluice.gateway.push.PushConfig;
import io.sluice.gateway.push.PushSubscriptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The OpenAPI document stays true: every route the router mounts has a description. */
class RouteCatalogTest {
  @Test
  void everyMountedRoute_hasADescription_andEveryDescriptionIsMounted() {
    List<String> mounted = mountedRoutes();

    assertThat(mounted).isNotEmpty();
    assertThat(mounted)
        .allSatisfy(
            key -> {
              String[] parts = key.split(" ", 2);
              assertThat(RouteCatalog.describe(parts[0], parts[1]))
                  .as("RouteCatalog has no description for %s", key)
                  .isPresent();
            });
    assertThat(RouteCatalog.all()).hasSameSizeAs(mounted);
  }

  @Test
  void descriptions_useDistinctOpenApiPathsPerMethod() {
    List<String> keys = RouteCatalog.all().stream().map(r -> r.method() + " " + r.path()).toList();

    assertThat(keys).doesNotHaveDuplicates();
    assertThat(RouteCatalog.all())
        .extracting(RouteDescription::summary)
        .allMatch(s -> !s.isBlank());
  }

  /** "METHOD /documented/{path}" for every route with a path and methods. */
  private static List<String> mountedRoutes() {
    Vertx vertx = Vertx.vertx();
    try (Broker broker = Broker.connect("mem:");
        GatewayAudit audit =
            GatewayAudit.of(
                AuditLog.open(AuditConfig.builder().store("jdbc:h2:mem:route-catalog").build()))) {
      GatewayConfig config = ConfigLoader.parse("", Map.of());
      AccessControl access =
          AccessControl.of(
              DevelopmentIdentity.create(Clock.systemUTC()).authenticator(),
              (identity, action, target) -> new Decision(false, "none", "none", "test"),
              "test");
      Router router =
          Routes.router(
              vertx,
              config,
              access,
              broker,
              new GatewayMetrics(),
              GatewayOptions.defaults(),
              Optional.empty(),
              audit,
              PushSubscriptions.start(
                  vertx,
                  PushConfig.none(),
                  broker,
                  access.policy(),
                  new SimpleMeterRegistry(),
                  audit,
                  Clock.systemUTC()));
      List<String> keys = new ArrayList<>();
      for (Route route : router.getRoutes()) {
        if (route.getPath() == null || route.methods() == null) {
          continue;
        }
        for (HttpMethod method : route.methods()) {
          keys.add(method.name() + " " + route.getPath().replaceAll(":(\\w+)", "{$1}"));
        }
      }
      return keys.stream().distinct().toList();
    } finally {
      vertx.close();
    }
  }
}
