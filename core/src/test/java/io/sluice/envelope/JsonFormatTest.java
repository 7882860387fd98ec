package io.sluice.envelope;

import static io.sluice.envelope.TestEvents.json;
import static io.sluice.envelope.TestEvents.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFormatTest {

  @Test
  void encodeThenDecode_returnsEqualEvent() {
    CloudEvent event = TestEvents.full();

    assertThat(JsonFormat.decode(JsonFormat.encode(event))).isEqualTo(event);
  }

  @Test
  void encode_jsonPayload_embedsDataAsJsonValue() {
    String json = new String(JsonFormat.encode(TestEvents.full()), StandardCharsets.UTF_8);

    assertThat(json).contains("\"data\":{\"orderId\":42}").doesNotContain("data_base64");
  }

  @Test
  void decode_minimalEvent_readsRequiredAttributes() {
    CloudEvent event = JsonFormat.decode(json(""));

    assertThat(event.id()).isEqualTo("evt-1");
    assertThat(event.source()).isEqualTo("/orders");
    assertThat(event.type()).isEqualTo("com.example.order.created");
    assertThat(event.data()).isEmpty();
  }

  @Test
  void batch_encodeThenDecode_returnsEqualEvents() {
    List<CloudEvent> events = List.of(TestEvents.full(), TestEvents.minimal().id("evt-2").build());

    assertThat(JsonFormat.decodeBatch(JsonFormat.encodeBatch(events))).isEqualTo(events);
  }

  @Test
  void decodeBatch_emptyArray_returnsEmptyBatch() {
    assertThat(JsonFormat.decodeBatch(utf8("[]"))).isEmpty();
  }
}
