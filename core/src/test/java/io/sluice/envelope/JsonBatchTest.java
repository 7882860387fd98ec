package io.sluice.envelope;

import static io.sluice.envelope.TestEvents.rules;
import static io.sluice.envelope.TestEvents.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBatchTest {
  private static final String VALID =
      "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}";

  @Test
  void decodeBatch_validEvents_returnsThemInOrder() {
    List<CloudEvent> events =
        JsonFormat.decodeBatch(utf8("[" + VALID + "," + VALID.replace("\"1\"", "\"2\"") + "]"));

    assertThat(events).extracting(CloudEvent::id).containsExactly("1", "2");
  }

  @Test
  void decodeBatch_brokenElements_prefixesViolationsWithIndex() {
    String missingType = VALID.replace(",\"type\":\"t\"", "");
    String badTime = VALID.replace("}", ",\"time\":\"2024-13-01T00:00:00Z\"}");

    assertThat(
            rules(
                () ->
                    JsonFormat.decodeBatch(
                        utf8("[" + VALID + "," + badTime + "," + missingType + "]"))))
        .containsExactly("[1].time:rfc3339", "[2].type:required");
  }

  @Test
  void decodeBatch_elementNotAnObject_reportsIndex() {
    assertThat(rules(() -> JsonFormat.decodeBatch(utf8("[" + VALID + ",[1],\"x\"]"))))
        .containsExactly("[1]:object", "[2]:object");
  }

  @Test
  void decodeBatch_singleObject_reportsArray() {
    assertThat(rules(() -> JsonFormat.decodeBatch(utf8(VALID)))).containsExactly("$:array");
  }

  @Test
  void decodeBatch_emptyInput_reportsArray() {
    assertThat(rules(() -> JsonFormat.decodeBatch(new byte[0]))).containsExactly("$:array");
  }

  @Test
  void encodeBatch_emptyList_writesEmptyArray() {
    assertThat(new String(JsonFormat.encodeBatch(List.of()), StandardCharsets.UTF_8))
        .isEqualTo("[]");
  }
}
