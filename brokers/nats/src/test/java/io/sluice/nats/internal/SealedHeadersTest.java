package io.sluice.nats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.impl.Headers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealedHeadersTest {
  private final Headers start = new Headers().put("ce-type", "t");

  @Test
  void beforeSeal_acceptsHeadersAndLeavesTheStartUntouched() {
    SealedHeaders headers = new SealedHeaders(start);

    headers.put("ce-id", "1");

    assertThat(headers.isReadOnly()).isFalse();
    assertThat(headers.getFirst("ce-type")).isEqualTo("t");
    assertThat(headers.getFirst("ce-id")).isEqualTo("1");
    assertThat(start.containsKey("ce-id")).isFalse();
  }

  @Test
  void afterSeal_isReadOnlyAndEveryMutatorThrows() {
    SealedHeaders headers = new SealedHeaders(start).seal();

    assertThat(headers.isReadOnly()).isTrue();
    assertThatThrownBy(() -> headers.put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.put("a", List.of("b")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.put(Map.of("a", List.of("b"))))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.add("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.add("a", List.of("b")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.remove("ce-type"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.remove(List.of("ce-type")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(headers::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThat(headers.getFirst("ce-type")).isEqualTo("t");
  }
}
