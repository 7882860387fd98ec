package io.sluice.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.config.InvalidConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code push} section: defaults, secret references, and every problem reported at once. */
class PushConfigTest {
  static final String SECRET = "0123456789abcdef-secret";

  static String section(String extra) {
    return "push:\n  subscriptions:\n    - name: billing\n      pattern: \"orders.>\"\n"
        + "      endpoint: https://billing.example/hooks\n      owner: {id: billing-service}\n"
        + extra;
  }

  @Test
  void subscription_withEnvSecret_getsTheDocumentedDefaults() {
    GatewayConfig config =
        ConfigLoader.parse(
            section("      secret: env:HOOK_SECRET\n"), Map.of("HOOK_SECRET", SECRET));

    PushSubscription s = config.push().subscriptions().get(0);
    assertThat(s.group()).isEqualTo("push-billing");
    assertThat(s.deadLetter().value()).isEqualTo("deadletter.push.billing");
    assertThat(s.maxAttempts()).isEqualTo(8);
    assertThat(s.concurrency()).isEqualTo(4);
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.backoff()).isEqualTo(PushBackoff.defaults());
    assertThat(s.owner().type()).isEqualTo("apikey");
    assertThat(s.secret().toString()).doesNotContain(SECRET);
    assertThat(config.push().store()).isEmpty();
  }

  @Test
  void literalSecret_unsetVariable_badValues_allReportedTogether_neverEchoingTheSecret() {
    String yaml =
        section(
                "      secret: \""
                    + SECRET
                    + "\"\n      maxAttempts: 0\n      colour: red\n"
                    + "      backoff: {initial: 10s, max: 1s, jitter: 2}\n")
            + "    - name: other\n      pattern: \"a.>\"\n      endpoint: http://x/\n"
            + "      secret: env:MISSING\n      owner: {id: o}\n";

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("push.subscriptions[0].secret: must be a reference")
        .hasMessageContaining("push.subscriptions[0].maxAttempts: must be between 1 and 1000")
        .hasMessageContaining("push.subscriptions[0].colour: unknown key")
        .hasMessageContaining("backoff.max must be >= backoff.initial")
        .hasMessageContaining("backoff.jitter must be between 0 and 1")
        .hasMessageContaining(
            "push.subscriptions[1].secret: the environment variable MISSING is not set")
        .message()
        .doesNotContain(SECRET);
  }

  @Test
  void backoff_growsByTheMultiplier_isCapped_andJitterOnlyShortens() {
    PushBackoff b = new PushBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.5);

    assertThat(b.delay(1, () -> 0.0)).isEqualTo(Duration.ofMillis(100));
    assertThat(b.delay(3, () -> 0.0)).isEqualTo(Duration.ofMillis(400));
    assertThat(b.delay(10, () -> 0.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.delay(3, () -> 0.999)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
  }
}
