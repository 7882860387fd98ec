package io.sluice.envelope;

import static io.sluice.envelope.TestEvents.json;
import static io.sluice.envelope.TestEvents.rules;
import static io.sluice.envelope.TestEvents.utf8;
import static io.sluice.envelope.TestEvents.violations;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonDecodeTest {

  @Test
  void decode_withoutSpecVersion_reportsRequired() {
    byte[] doc = utf8("{\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}");

    assertThat(rules(() -> JsonFormat.decode(doc))).containsExactly("specversion:required");
  }

  @Test
  void decode_otherSpecVersion_reportsItNamingTheValue() {
    byte[] doc = utf8("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}");

    assertThat(violations(() -> JsonFormat.decode(doc)))
        .singleElement()
        .satisfies(v -> assertThat(v.attribute()).isEqualTo("specversion"))
        .satisfies(v -> assertThat(v.message()).contains("\"0.3\""));
  }

  @Test
  void decode_numericId_reportsStringNamingTheAttribute() {
    byte[] doc = utf8("{\"specversion\":\"1.0\",\"id\":5,\"source\":\"/s\",\"type\":\"t\"}");

    assertThat(rules(() -> JsonFormat.decode(doc))).containsExactly("id:string");
  }

  @Test
  void decode_objectAsTime_reportsString() {
    assertThat(rules(() -> JsonFormat.decode(json("\"time\":{\"at\":1}"))))
        .containsExactly("time:string");
  }

  @Test
  void decode_nullAttribute_isTreatedAsAbsent() {
    CloudEvent event = JsonFormat.decode(json("\"subject\":null,\"time\":null,\"x\":null"));

    assertThat(event.subject()).isEmpty();
    assertThat(event.time()).isEmpty();
    assertThat(event.extensions()).isEmpty();
  }

  @Test
  void decode_everyProblem_isReportedTogether() {
    byte[] doc =
        utf8(
            "{\"specversion\":\"2.0\",\"id\":\"\",\"source\":7,\"time\":\"yesterday\","
                + "\"Bad\":\"x\",\"n\":1.5}");

    assertThat(rules(() -> JsonFormat.decode(doc)))
        .containsExactlyInAnyOrder(
            "specversion:specversion",
            "id:required",
            "source:string",
            "type:required",
            "time:rfc3339",
            "Bad:name",
            "n:integer");
  }

  @Test
  void decode_relativeDataSchema_reportsAbsoluteUri() {
    assertThat(rules(() -> JsonFormat.decode(json("\"dataschema\":\"/schemas/1\""))))
        .containsExactly("dataschema:absolute-uri");
  }

  @Test
  void decode_unparseableDataSchema_reportsAbsoluteUri() {
    assertThat(rules(() -> JsonFormat.decode(json("\"dataschema\":\"http://a b\""))))
        .containsExactly("dataschema:absolute-uri");
  }

  @Test
  void decode_emptySubject_reportsNonEmpty() {
    assertThat(rules(() -> JsonFormat.decode(json("\"subject\":\"\""))))
        .containsExactly("subject:non-empty");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-05-01T12:00:00Z",
        "2024-05-01t12:00:00z",
        "2024-05-01T14:00:00+02:00",
        "2024-05-01T07:30:00-04:30",
        "2024-02-29T00:00:00Z",
        "2024-05-01T12:00:00.123456789Z",
        "2016-12-31T23:59:60Z",
        "2024-05-01T12:00:00.123456789012Z",
        "2024-05-01T12:00:00+23:59"
      })
  void decode_rfc3339Time_isAccepted(String time) {
    CloudEvent event = JsonFormat.decode(json("\"time\":\"" + time + "\""));

    assertThat(event.time()).isPresent();
  }

  @Test
  void decode_timeWithOffset_isNormalisedToTheInstant() {
    CloudEvent event = JsonFormat.decode(json("\"time\":\"2024-05-01T14:00:00+02:00\""));

    assertThat(event.time()).contains(Instant.parse("2024-05-01T12:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-13-01T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2024-04-31T00:00:00Z",
        "2024-05-01T12:00:00",
        "2024-05-01 12:00:00Z",
        "2024-05-01T24:00:00Z",
        "2024-05-01T12:60:00Z",
        "2024-05-01T12:00Z",
        "2024-05-01",
        "2024-05-01T12:00:00+0200",
        "2024-05-01T12:00:00+02:60",
        "2024-05-01T12:00:00+24:00",
        "2024-05-01T12:30:60Z",
        "2024-05-01T12:00:00.Z",
        "20240501T120000Z",
        "2024-05-01T12:00:00UTC"
      })
  void decode_timeNotRfc3339_reportsRfc3339(String time) {
    assertThat(rules(() -> JsonFormat.decode(json("\"time\":\"" + time + "\""))))
        .containsExactly("time:rfc3339");
  }

  @Test
  void decode_leapSecond_isTheLastInstantOfTheMinute() {
    CloudEvent event = JsonFormat.decode(json("\"time\":\"2016-12-31T23:59:60Z\""));

    assertThat(event.time()).contains(Instant.parse("2016-12-31T23:59:59.999999999Z"));
  }

  @Test
  void decode_offsetBeyondJavaRange_isStillConverted() {
    CloudEvent event = JsonFormat.decode(json("\"time\":\"2024-05-01T23:00:00+23:00\""));

    assertThat(event.time()).contains(Instant.parse("2024-05-01T00:00:00Z"));
  }

  @Test
  void decode_integerExtension_readsInteger() {
    assertThat(JsonFormat.decode(json("\"retries\":-2147483648")).extension("retries"))
        .contains(Integer.MIN_VALUE);
  }

  @Test
  void decode_integerExtensionOutsideInt32_reportsInt32() {
    assertThat(rules(() -> JsonFormat.decode(json("\"retries\":2147483648"))))
        .containsExactly("retries:int32");
  }

  @Test
  void decode_hugeIntegerExtension_reportsInt32() {
    assertThat(rules(() -> JsonFormat.decode(json("\"n\":" + "9".repeat(500)))))
        .containsExactly("n:int32");
  }

  @Test
  void decode_fractionalExtension_reportsInteger() {
    assertThat(rules(() -> JsonFormat.decode(json("\"ratio\":0.5"))))
        .containsExactly("ratio:integer");
  }

  @Test
  void decode_booleanExtension_readsBoolean() {
    assertThat(JsonFormat.decode(json("\"urgent\":true")).extension("urgent")).contains(true);
  }

  @Test
  void decode_objectExtension_reportsExtensionType() {
    assertThat(rules(() -> JsonFormat.decode(json("\"meta\":{\"a\":[1,2]}"))))
        .containsExactly("meta:extension-type");
  }

  @Test
  void decode_knownExtensionWithBadValue_reportsItsRule() {
    assertThat(rules(() -> JsonFormat.decode(json("\"authtype\":\"root\""))))
        .containsExactly("authtype:authtype");
  }

  @Test
  void decode_duplicateMember_reportsJson() {
    assertThat(rules(() -> JsonFormat.decode(json("\"id\":\"again\"")))).containsExactly("$:json");
  }

  @Test
  void decode_notAnObject_reportsObject() {
    assertThat(rules(() -> JsonFormat.decode(utf8("[1,2]")))).containsExactly("$:object");
  }

  @Test
  void decode_trailingContent_reportsJson() {
    byte[] doc = utf8(new String(json(""), StandardCharsets.UTF_8) + " {}");

    assertThat(rules(() -> JsonFormat.decode(doc))).containsExactly("$:json");
  }

  @Test
  void decode_truncatedDocument_reportsJsonWithLocation() {
    byte[] doc = utf8("{\"specversion\":\"1.0\",\"id\":\"1");

    assertThat(violations(() -> JsonFormat.decode(doc)))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("line 1"));
  }

  @Test
  void decode_invalidUtf8_reportsUtf8() {
    byte[] doc = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    assertThat(rules(() -> JsonFormat.decode(doc))).containsExactly("$:utf8");
  }

  @Test
  void decode_nestingBeyondLimit_reportsJson() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    assertThat(rules(() -> JsonFormat.decode(json("\"data\":" + deep)))).containsExactly("$:json");
  }

  @Test
  void decode_escapedControlCharacterInId_reportsString() {
    assertThat(
            rules(
                () ->
                    JsonFormat.decode(
                        utf8(
                            "{\"specversion\":\"1.0\",\"id\":\"a\\u0000\",\"source\":\"/s\",\"type\":\"t\"}"))))
        .containsExactly("id:string");
  }

  @Test
  void decode_escapedUnicodeInSubject_isUnescaped() {
    assertThat(JsonFormat.decode(json("\"subject\":\"caf\\u00e9 \\ud83d\\ude00\"")).subject())
        .contains("café \uD83D\uDE00");
  }

  @Test
  void decode_emptyInput_reportsObject() {
    assertThat(rules(() -> JsonFormat.decode(new byte[0]))).containsExactly("$:object");
  }

  @Test
  void decode_nonStandardJson_reportsJson() {
    assertThat(rules(() -> JsonFormat.decode(utf8("{'id':'1'}")))).containsExactly("$:json");
  }
}
