package io.sluice.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import org.junit.jupiter.api.Test;

class RoutingKeysTest {

  @Test
  void subject_isItsOwnRoutingKey() {
    assertThat(RoutingKeys.routingKey(Subject.of("orders.eu.created")))
        .isEqualTo("orders.eu.created");
  }

  @Test
  void singleTokenWildcard_staysAStar() {
    assertThat(RoutingKeys.bindingKey(SubjectPattern.of("orders.*.created")))
        .isEqualTo("orders.*.created");
  }

  @Test
  void tailWildcard_becomesAHash() {
    assertThat(RoutingKeys.bindingKey(SubjectPattern.of("orders.>"))).isEqualTo("orders.#");
  }

  @Test
  void literalHashToken_isBoundAsAStarAndFilteredByThePattern() {
    assertThat(RoutingKeys.bindingKey(SubjectPattern.of("tags.#.x"))).isEqualTo("tags.*.x");
  }

  @Test
  void subjectLongerThan255Utf8Bytes_doesNotFitARoutingKey() {
    assertThat(RoutingKeys.fits(Subject.of("a".repeat(255)))).isTrue();
    assertThat(RoutingKeys.fits(Subject.of("é".repeat(128)))).isFalse();
  }
}
