package io.sluice.envelope;

import static io.sluice.envelope.TestEvents.minimal;
import static io.sluice.envelope.TestEvents.rules;
import static io.sluice.envelope.TestEvents.utf8;
import static io.sluice.envelope.TestEvents.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinaryModeTest {

  private static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ce-specversion", "1.0");
    headers.put("ce-id", "evt-1");
    headers.put("ce-source", "/orders");
    headers.put("ce-type", "com.example.order.created");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  private static CloudEvent fromHttp(Map<String, String> headers) {
    return BinaryMode.fromHeaders(headers, BinaryMode.HTTP_PREFIX, null);
  }

  @Test
  void toHeaders_httpPrefix_mapsAttributesAndContentType() {
    Map<String, String> headers = BinaryMode.toHeaders(TestEvents.full(), BinaryMode.HTTP_PREFIX);

    assertThat(headers)
        .containsEntry("ce-specversion", "1.0")
        .containsEntry("ce-id", "evt-1")
        .containsEntry("ce-time", "2024-05-01T12:00:00.123Z")
        .containsEntry("ce-dataschema", "https://schemas.example.com/order/1")
        .containsEntry("ce-retries", "3")
        .containsEntry("ce-urgent", "true")
        .containsEntry("content-type", "application/json")
        .doesNotContainKey("ce-datacontenttype");
  }

  @Test
  void toHeaders_httpPrefix_percentEncodesSpaceQuotePercentAndNonAscii() {
    CloudEvent event = minimal().subject("a b\"c%d/é").build();

    assertThat(BinaryMode.toHeaders(event, BinaryMode.HTTP_PREFIX))
        .containsEntry("ce-subject", "a%20b%22c%25d/%C3%A9");
  }

  @Test
  void toHeaders_kafkaPrefix_usesUnderscoreAndRawValues() {
    CloudEvent event = minimal().subject("a b é").build();

    assertThat(BinaryMode.toHeaders(event, BinaryMode.KAFKA_PREFIX))
        .containsEntry("ce_subject", "a b é")
        .containsEntry("ce_specversion", "1.0");
  }

  @Test
  void writeSharedAndOwnHeaders_together_giveExactlyToHeaders() {
    Map<String, String> split = new LinkedHashMap<>();
    BinaryMode.writeSharedHeaders(TestEvents.full(), BinaryMode.HTTP_PREFIX, split::put);
    BinaryMode.writeOwnHeaders(TestEvents.full(), BinaryMode.HTTP_PREFIX, split::put);

    assertThat(split).isEqualTo(BinaryMode.toHeaders(TestEvents.full(), BinaryMode.HTTP_PREFIX));
  }

  @Test
  void writeSharedHeaders_ignoreWhatChangesFromEventToEvent() {
    Map<String, String> shared = new LinkedHashMap<>();
    BinaryMode.writeSharedHeaders(TestEvents.full(), BinaryMode.HTTP_PREFIX, shared::put);

    assertThat(shared)
        .containsOnlyKeys(
            "ce-specversion", "ce-source", "ce-type", "ce-dataschema", "content-type");
  }

  @Test
  void toHeaders_plainAsciiValue_isKeptAsIs() {
    CloudEvent event = minimal().subject("orders/7~x").build();

    assertThat(BinaryMode.toHeaders(event, BinaryMode.HTTP_PREFIX))
        .containsEntry("ce-subject", "orders/7~x");
  }

  @Test
  void toHeaders_amqpPrefix_usesCloudEventsColon() {
    assertThat(BinaryMode.toHeaders(minimal().build(), BinaryMode.AMQP_PREFIX))
        .containsEntry("cloudEvents:id", "evt-1");
  }

  @Test
  void fromHeaders_headerNamesInAnyCase_areMatched() {
    Map<String, String> headers =
        Map.of(
            "CE-SpecVersion", "1.0",
            "Ce-Id", "1",
            "ce-SOURCE", "/s",
            "ce-type", "t",
            "Content-Type", "text/plain",
            "CE-Tenant", "acme");

    CloudEvent event = fromHttp(headers);

    assertThat(event.dataContentType()).contains("text/plain");
    assertThat(event.extension("tenant")).contains("acme");
  }

  @Test
  void fromHeaders_percentEncodedValue_isDecoded() {
    assertThat(fromHttp(headers("ce-subject", "caf%C3%A9%20%E2%9C%93")).subject())
        .contains("café ✓");
  }

  @Test
  void fromHeaders_brokenPercentEscape_reportsPercentEncoding() {
    assertThat(rules(() -> fromHttp(headers("ce-subject", "100%"))))
        .containsExactly("subject:percent-encoding");
  }

  @Test
  void fromHeaders_percentEscapesThatAreNotUtf8_reportPercentEncoding() {
    assertThat(rules(() -> fromHttp(headers("ce-subject", "%C3%28"))))
        .containsExactly("subject:percent-encoding");
  }

  @Test
  void fromHeaders_kafkaPrefix_doesNotPercentDecode() {
    Map<String, String> headers =
        Map.of("ce_specversion", "1.0", "ce_id", "50%", "ce_source", "/s", "ce_type", "t");

    assertThat(BinaryMode.fromHeaders(headers, BinaryMode.KAFKA_PREFIX, null).id())
        .isEqualTo("50%");
  }

  @Test
  void fromHeaders_withoutSpecVersion_reportsRequired() {
    Map<String, String> headers = headers();
    headers.remove("ce-specversion");

    assertThat(rules(() -> fromHttp(headers))).containsExactly("specversion:required");
  }

  @Test
  void fromHeaders_otherSpecVersion_namesTheValue() {
    assertThat(violations(() -> fromHttp(headers("ce-specversion", "0.3"))))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("\"0.3\""));
  }

  @Test
  void fromHeaders_sameAttributeTwiceInDifferentCase_reportsDuplicate() {
    assertThat(rules(() -> fromHttp(headers("CE-ID", "other")))).containsExactly("id:duplicate");
  }

  @Test
  void fromHeaders_dataContentTypeAsPrefixedHeader_isRejected() {
    assertThat(rules(() -> fromHttp(headers("ce-datacontenttype", "text/plain"))))
        .containsExactly("datacontenttype:content-type");
  }

  @Test
  void fromHeaders_badTimeAndExtensionName_reportsBoth() {
    assertThat(rules(() -> fromHttp(headers("ce-time", "2024-05-01", "ce-tenant_id", "x"))))
        .containsExactlyInAnyOrder("time:rfc3339", "tenant_id:name");
  }

  @Test
  void fromHeaders_timeHeader_isParsed() {
    assertThat(fromHttp(headers("ce-time", "2024-05-01T12:00:00Z")).time())
        .contains(Instant.parse("2024-05-01T12:00:00Z"));
  }

  @Test
  void fromHeaders_unprefixedHeaders_areIgnored() {
    assertThat(fromHttp(headers("x-request-id", "abc", "authorization", "secret")).extensions())
        .isEmpty();
  }

  @Test
  void fromHeaders_body_becomesData() {
    CloudEvent event =
        BinaryMode.fromHeaders(headers("content-type", "application/json"), "ce-", utf8("{}"));

    assertThat(event.data()).hasValueSatisfying(d -> assertThat(d).isEqualTo(utf8("{}")));
  }

  @Test
  void fromHeaders_emptyBody_meansNoData() {
    assertThat(BinaryMode.fromHeaders(headers(), "ce-", new byte[0]).data()).isEmpty();
  }

  @Test
  void fromHeaders_toHeadersOutput_rebuildsEvent() {
    CloudEvent event = minimal().subject("a b \"c\" 100% ünïcødé ✓").build();

    assertThat(fromHttp(BinaryMode.toHeaders(event, "ce-"))).isEqualTo(event);
  }

  @Test
  void toHeaders_emptyPrefix_isRejected() {
    assertThatThrownBy(() -> BinaryMode.toHeaders(minimal().build(), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix");
  }
}
