package io.sluice.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encoding then decoding returns the same event, for many generated events. */
class RoundTripPropertyTest {
  private static final long SEED = 20240501L;
  private static final int EVENTS = 1_000;

  @Test
  void jsonFormat_decodeOfEncode_equalsTheEvent() {
    RandomEvents events = new RandomEvents(SEED, false);
    for (int i = 0; i < EVENTS; i++) {
      CloudEvent event = events.next();

      assertThat(JsonFormat.decode(JsonFormat.encode(event)))
          .as("event %d: %s", i, event)
          .isEqualTo(event);
    }
  }

  @Test
  void jsonBatch_decodeOfEncode_equalsTheEvents() {
    RandomEvents events = new RandomEvents(SEED + 1, false);
    List<CloudEvent> batch = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      batch.add(events.next());
    }

    assertThat(JsonFormat.decodeBatch(JsonFormat.encodeBatch(batch))).isEqualTo(batch);
  }

  @Test
  void binaryMode_fromHeadersOfToHeaders_equalsTheEventForEveryPrefix() {
    RandomEvents events = new RandomEvents(SEED + 2, true);
    for (String prefix :
        List.of(BinaryMode.HTTP_PREFIX, BinaryMode.KAFKA_PREFIX, BinaryMode.AMQP_PREFIX)) {
      for (int i = 0; i < EVENTS; i++) {
        CloudEvent event = events.next();
        byte[] body = event.data().orElse(null);

        CloudEvent decoded =
            BinaryMode.fromHeaders(BinaryMode.toHeaders(event, prefix), prefix, body);
        if (!decoded.equals(event)) {
          assertThat(decoded).as("%s event %d", prefix, i).isEqualTo(event);
        }
      }
    }
  }

  @Test
  void httpHeaders_carryOnlyPrintableAsciiWithoutSpaceOrQuote() {
    RandomEvents events = new RandomEvents(SEED + 3, true);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      BinaryMode.toHeaders(events.next(), BinaryMode.HTTP_PREFIX)
          .forEach((name, value) -> values.add(name.startsWith("ce-") ? value : "x"));
    }

    assertThat(values).allSatisfy(v -> assertThat(v).matches("[\\x21\\x23-\\x7E]*"));
  }
}
