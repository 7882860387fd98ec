package io.sluice.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BinaryModeTest {

  @Test
  void toHeaders_httpPrefix_mapsAttributesAndContentType() {
    Map<String, String> headers = BinaryMode.toHeaders(TestEvents.full(), BinaryMode.HTTP_PREFIX);

    assertThat(headers)
        .containsEntry("ce-specversion", "1.0")
        .containsEntry("ce-id", "evt-1")
        .containsEntry("ce-time", "2024-05-01T12:00:00.123Z")
        .containsEntry("ce-retries", "3")
        .containsEntry("content-type", "application/json")
        .doesNotContainKey("ce-datacontenttype");
  }

  @Test
  void fromHeaders_toHeadersOutput_rebuildsEvent() {
    CloudEvent event = TestEvents.minimal().subject("a b \"c\" 100% ünïcødé ✓").build();
    byte[] body = null;

    assertThat(BinaryMode.fromHeaders(BinaryMode.toHeaders(event, "ce-"), "ce-", body))
        .isEqualTo(event);
  }
}
