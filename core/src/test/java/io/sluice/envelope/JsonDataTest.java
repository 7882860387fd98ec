package io.sluice.envelope;

import static io.sluice.envelope.TestEvents.json;
import static io.sluice.envelope.TestEvents.minimal;
import static io.sluice.envelope.TestEvents.rules;
import static io.sluice.envelope.TestEvents.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonDataTest {

  private static String dataOf(CloudEvent event) {
    return new String(event.data().orElseThrow(), StandardCharsets.UTF_8);
  }

  private static String encoded(CloudEvent event) {
    return new String(JsonFormat.encode(event), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":[1,2.5e3,null]}", "[]", "\"text\"", "42", "-0.5", "true"})
  void decode_jsonData_keepsTheJsonValueItself(String value) {
    CloudEvent event = JsonFormat.decode(json("\"data\":" + value + ",\"x\":1"));

    assertThat(dataOf(event)).isEqualTo(value);
  }

  @Test
  void decode_largeJsonData_keepsTheExactText() {
    String value = "{\"items\": [" + "\"x\", ".repeat(30_000) + "1 ] }";

    assertThat(dataOf(JsonFormat.decode(json("\"data\":" + value)))).isEqualTo(value);
  }

  @Test
  void decode_numberLongerThanLimit_reportsJson() {
    assertThat(rules(() -> JsonFormat.decode(json("\"data\":" + "1".repeat(5_000)))))
        .containsExactly("$:json");
  }

  @Test
  void decode_invalidEscapeInsideData_reportsJson() {
    assertThat(rules(() -> JsonFormat.decode(json("\"data\":{\"a\":[\"\\q\"]}"))))
        .containsExactly("$:json");
  }

  @Test
  void encode_jsonNullPayload_usesDataBase64SoItIsNotLost() {
    CloudEvent event = minimal().data("application/json", utf8("null")).build();

    assertThat(encoded(event)).contains("\"data_base64\":\"bnVsbA==\"");
    assertThat(JsonFormat.decode(JsonFormat.encode(event))).isEqualTo(event);
  }

  @Test
  void decode_nullData_meansNoData() {
    assertThat(JsonFormat.decode(json("\"data\":null")).data()).isEmpty();
  }

  @Test
  void decode_jsonDataAsLastMember_keepsTheValue() {
    assertThat(dataOf(JsonFormat.decode(json("\"data\":12.5")))).isEqualTo("12.5");
  }

  @Test
  void decode_plusJsonContentType_keepsTheJsonValue() {
    CloudEvent event =
        JsonFormat.decode(
            json("\"data\":{\"k\":1},\"datacontenttype\":\"application/vnd.x+json\""));

    assertThat(dataOf(event)).isEqualTo("{\"k\":1}");
  }

  @Test
  void decode_stringDataWithTextContentType_isThatText() {
    CloudEvent event =
        JsonFormat.decode(json("\"datacontenttype\":\"text/plain\",\"data\":\"h\\u00e9llo\\n\""));

    assertThat(dataOf(event)).isEqualTo("héllo\n");
  }

  @Test
  void decode_objectDataWithNonJsonContentType_reportsDataType() {
    assertThat(rules(() -> JsonFormat.decode(json("\"datacontenttype\":\"text/csv\",\"data\":{}"))))
        .containsExactly("data:data-type");
  }

  @Test
  void decode_dataBase64_isDecodedToBytes() {
    CloudEvent event = JsonFormat.decode(json("\"data_base64\":\"AAEC/w==\""));

    assertThat(event.data()).hasValueSatisfying(d -> assertThat(d).containsExactly(0, 1, 2, 255));
  }

  @Test
  void decode_invalidBase64_reportsBase64() {
    assertThat(rules(() -> JsonFormat.decode(json("\"data_base64\":\"not base64!\""))))
        .containsExactly("data_base64:base64");
  }

  @Test
  void decode_dataAndDataBase64_reportsDataExclusive() {
    assertThat(rules(() -> JsonFormat.decode(json("\"data\":1,\"data_base64\":\"AA==\""))))
        .containsExactly("data:data-exclusive");
  }

  @Test
  void decode_numericDataBase64_reportsString() {
    assertThat(rules(() -> JsonFormat.decode(json("\"data_base64\":12"))))
        .containsExactly("data_base64:string");
  }

  @Test
  void encode_jsonPayload_isEmbeddedAsData() {
    CloudEvent event = minimal().data("application/json", utf8("[1, 2]")).build();

    assertThat(encoded(event)).contains("\"data\":[1, 2]");
  }

  @Test
  void encode_payloadWithoutContentType_isEmbeddedWhenJson() {
    assertThat(encoded(minimal().data(utf8("{\"a\":1}")).build())).contains("\"data\":{\"a\":1}");
  }

  @Test
  void encode_invalidJsonWithJsonContentType_fallsBackToDataBase64() {
    CloudEvent event = minimal().data("application/json", utf8("{\"a\":")).build();

    String json = encoded(event);

    assertThat(json).contains("\"data_base64\":").doesNotContain("\"data\":");
    assertThat(JsonFormat.decode(utf8(json))).isEqualTo(event);
  }

  @Test
  void encode_twoJsonValuesAsPayload_fallsBackToDataBase64() {
    assertThat(encoded(minimal().data("application/json", utf8("1 2")).build()))
        .contains("\"data_base64\":");
  }

  @Test
  void encode_binaryPayload_usesDataBase64() {
    CloudEvent event = minimal().data("application/octet-stream", new byte[] {0, 1, 2}).build();

    assertThat(encoded(event)).contains("\"data_base64\":\"AAEC\"");
    assertThat(JsonFormat.decode(JsonFormat.encode(event))).isEqualTo(event);
  }

  @Test
  void encode_textPayloadWithNonJsonType_usesDataBase64AndRoundTrips() {
    CloudEvent event = minimal().data("text/plain", utf8("hello")).build();

    assertThat(encoded(event)).contains("\"data_base64\":");
    assertThat(JsonFormat.decode(JsonFormat.encode(event))).isEqualTo(event);
  }

  @Test
  void encode_extensions_keepTheirJsonTypes() {
    CloudEvent event = minimal().extension("n", 7).extension("b", true).extension("s", "7").build();

    assertThat(encoded(event)).contains("\"n\":7", "\"b\":true", "\"s\":\"7\"");
  }
}
