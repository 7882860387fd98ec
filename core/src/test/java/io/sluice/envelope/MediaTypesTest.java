package io.sluice.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "Application/JSON",
        "application/json; charset=utf-8",
        "application/cloudevents+json",
        "application/vnd.api+json;v=2"
      })
  void isJson_jsonAndPlusJsonTypes_areJson(String type) {
    assertThat(MediaTypes.isJson(type)).isTrue();
  }

  @Test
  void isJson_absentType_isJson() {
    assertThat(MediaTypes.isJson(null)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/jsonx", "application/xml", "json", "+json"})
  void isJson_otherTypes_areNotJson(String type) {
    assertThat(MediaTypes.isJson(type)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain;",
        "text /plain",
        "text/pl ain",
        "/json",
        "text/",
        "text/plain; a=b c"
      })
  void isValid_malformedTypes_areRejected(String type) {
    assertThat(MediaTypes.isValid(type)).isFalse();
  }
}
