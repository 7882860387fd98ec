package io.sluice.gateway;

import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.config.InvalidConfigException;
import io.sluice.gateway.identity.Authenticator;
import io.sluice.gateway.identity.Authenticators;
import io.sluice.gateway.identity.DevelopmentIdentity;
import io.sluice.gateway.policy.Policies;
import io.sluice.gateway.policy.PolicyEngine;
import io.sluice.gateway.policy.PolicySource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link AccessControl} a configuration asks for. With an {@code identity} section: its
 * authenticators and the {@code policy} section's policy (required). Without one (development mode,
 * loopback only): an ephemeral development identity, a dev token for {@value #DEV_SUBJECT}, and the
 * built-in development policy unless a {@code policy} section is given.
 *
 * @param access what the gateway checks
 * @param devToken the development token to print, present only in development mode
 * @param policySource the configured policy, watched for changes until {@link #close()}
 */
public record GatewayAssembly(
    AccessControl access, Optional<String> devToken, Optional<PolicySource> policySource)
    implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayAssembly.class);

  /** Subject of the development token. */
  public static final String DEV_SUBJECT = "developer";

  /** How long a printed development token is valid. */
  public static final Duration DEV_TOKEN_TTL = Duration.ofHours(12);

  /** Reads identity and policy; every problem in either section is reported at once. */
  public static GatewayAssembly assemble(GatewayConfig config, Clock clock) {
    List<String> problems = new ArrayList<>();
    GatewayAssembly assembly =
        config.developmentMode()
            ? development(config, clock, problems)
            : configured(config, clock, problems);
    if (!problems.isEmpty()) {
      assembly.close();
      throw new InvalidConfigException(problems);
    }
    return assembly;
  }

  private static GatewayAssembly development(
      GatewayConfig config, Clock clock, List<String> problems) {
    DevelopmentIdentity dev = DevelopmentIdentity.create(clock);
    String token = dev.mint(DEV_SUBJECT, Map.of("name", "Sluice developer"), DEV_TOKEN_TTL);
    if (config.policy().isEmpty()) {
      AccessControl access =
          AccessControl.of(dev.authenticator(), new DevelopmentPolicy(), DevelopmentPolicy.VERSION);
      return new GatewayAssembly(access, Optional.of(token), Optional.empty());
    }
    return withPolicy(dev.authenticator(), config, problems, Optional.of(token));
  }

  private static GatewayAssembly configured(
      GatewayConfig config, Clock clock, List<String> problems) {
    Authenticator authenticator = Authenticators.fromConfig(config.identity(), problems, clock);
    if (config.policy().isEmpty()) {
      problems.add("policy: required when identity is configured (every request would be denied)");
      return new GatewayAssembly(null, Optional.empty(), Optional.empty());
    }
    return withPolicy(authenticator, config, problems, Optional.empty());
  }

  private static GatewayAssembly withPolicy(
      Authenticator authenticator,
      GatewayConfig config,
      List<String> problems,
      Optional<String> devToken) {
    PolicySource source = Policies.fromConfig(config.policy(), problems);
    if (source == null || authenticator == null) {
      return new GatewayAssembly(null, devToken, Optional.ofNullable(source));
    }
    source.onReloadFailure(
        reason -> LOG.warn("policy reload failed; the previous policy stays in force: {}", reason));
    PolicyEngine live =
        (identity, action, target) -> source.current().decide(identity, action, target);
    AccessControl access =
        new AccessControl(
            authenticator, live, source::explain, () -> Optional.of(source.version()));
    return new GatewayAssembly(access, devToken, Optional.of(source));
  }

  /** Stops watching the policy file, if any. */
  @Override
  public void close() {
    policySource.ifPresent(PolicySource::close);
  }
}
