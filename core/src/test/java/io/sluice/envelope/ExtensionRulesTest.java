package io.sluice.envelope;

import static io.sluice.envelope.TestEvents.minimal;
import static io.sluice.envelope.TestEvents.rules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExtensionRulesTest {
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void extension_lowerCaseLettersAndDigits_isAccepted() {
    assertThat(minimal().extension("tenant2", "acme").build().extension("tenant2"))
        .contains("acme");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Tenant", "tenant_id", "tenant-id", "ténant", ""})
  void extension_nameOutsideLowerCaseAlphanumerics_reportsName(String name) {
    assertThat(rules(() -> minimal().extension(name, "x").build())).containsExactly(name + ":name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"data", "data_base64", "id", "specversion", "time", "datacontenttype"})
  void extension_namedLikeContextAttributeOrData_reportsReservedName(String name) {
    assertThat(rules(() -> minimal().extension(name, "x").build()))
        .containsExactly(name + ":reserved-name");
  }

  @Test
  void extension_stringBooleanAndInteger_areAccepted() {
    CloudEvent event =
        minimal().extension("s", "v").extension("b", false).extension("i", -7).build();

    assertThat(event.extensions())
        .containsEntry("s", "v")
        .containsEntry("b", false)
        .containsEntry("i", -7);
  }

  @Test
  void extension_longValue_reportsExtensionType() {
    assertThat(rules(() -> minimal().extension("big", 5L).build()))
        .containsExactly("big:extension-type");
  }

  @Test
  void traceparent_w3cFormat_isAccepted() {
    assertThat(minimal().extension(Extensions.TRACEPARENT, TRACEPARENT).build().extensions())
        .containsKey(Extensions.TRACEPARENT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "not a trace"
      })
  void traceparent_malformed_reportsTraceparent(String value) {
    assertThat(rules(() -> minimal().extension(Extensions.TRACEPARENT, value).build()))
        .containsExactly("traceparent:traceparent");
  }

  @Test
  void traceparent_notAString_reportsTraceparent() {
    assertThat(rules(() -> minimal().extension(Extensions.TRACEPARENT, 1).build()))
        .containsExactly("traceparent:traceparent");
  }

  @Test
  void eventVersion_nonEmpty_isAccepted() {
    assertThat(minimal().extension(Extensions.EVENT_VERSION, "2").build().extension("eventversion"))
        .contains("2");
  }

  @Test
  void eventVersion_empty_reportsNonEmpty() {
    assertThat(rules(() -> minimal().extension(Extensions.EVENT_VERSION, "").build()))
        .containsExactly("eventversion:non-empty");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "app_user",
        "user",
        "service_account",
        "api_key",
        "system",
        "unauthenticated",
        "unknown"
      })
  void authType_knownKind_isAccepted(String kind) {
    assertThat(minimal().extension(Extensions.AUTH_TYPE, kind).build().extension("authtype"))
        .contains(kind);
  }

  @Test
  void authType_unknownKind_reportsAuthType() {
    assertThat(rules(() -> minimal().extension(Extensions.AUTH_TYPE, "admin").build()))
        .containsExactly("authtype:authtype");
  }

  @Test
  void unknownExtension_anyStringValue_isAccepted() {
    assertThat(minimal().extension("authid", "").build().extension("authid")).contains("");
  }
}
