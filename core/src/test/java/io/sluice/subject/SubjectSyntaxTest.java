package io.sluice.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectSyntaxTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"orders", "orders.created", "a.b.c.d", "tenant-1.orders_v2.created", "ü.ñ"})
  void subject_acceptsDotSeparatedTokens(String value) {
    assertThat(Subject.of(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource({
    "'', empty",
    "'.orders', empty-token",
    "'orders.', empty-token",
    "'orders..created', empty-token",
    "'orders created', whitespace",
    "'orders\tcreated', whitespace",
    "'orders.*', wildcard",
    "'orders.>', wildcard"
  })
  void subject_rejectsBadSyntax_namingTheRule(String value, String rule) {
    assertThatThrownBy(() -> Subject.of(value))
        .isInstanceOfSatisfying(
            InvalidSubjectException.class, e -> assertThat(e.rule()).isEqualTo(rule));
  }

  @Test
  void subject_rejectsControlCharacters() {
    assertThatThrownBy(() -> Subject.of("orders.\u0000x"))
        .isInstanceOfSatisfying(
            InvalidSubjectException.class, e -> assertThat(e.rule()).isEqualTo("whitespace"));
  }

  @Test
  void subject_rejectsNull() {
    assertThatThrownBy(() -> Subject.of(null)).isInstanceOf(InvalidSubjectException.class);
  }

  @Test
  void subject_longerThanLimit_isRejectedWithItsLength() {
    String value = "a".repeat(SubjectSyntax.MAX_LENGTH + 1);
    assertThatThrownBy(() -> Subject.of(value))
        .isInstanceOf(InvalidSubjectException.class)
        .hasMessageContaining("at most 255")
        .hasMessageContaining("was 256");
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders.*", "orders.>", ">", "*", "*.created", "a.*.c.>"})
  void pattern_acceptsWholeTokenWildcards(String value) {
    assertThat(SubjectPattern.of(value).hasWildcards()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "'orders.>.created', tail-not-last",
    "'orders.cre*', partial-wildcard",
    "'orders.>x', partial-wildcard",
    "'orders..*', empty-token",
    "'orders. *', whitespace"
  })
  void pattern_rejectsBadWildcards_namingTheRule(String value, String rule) {
    assertThatThrownBy(() -> SubjectPattern.of(value))
        .isInstanceOfSatisfying(
            InvalidSubjectException.class, e -> assertThat(e.rule()).isEqualTo(rule));
  }

  @ParameterizedTest
  @CsvSource({
    "orders.*, orders.created, true",
    "orders.*, orders.created.eu, false",
    "orders.*, orders, false",
    "orders.>, orders.created.eu, true",
    "orders.>, orders, false",
    ">, anything.at.all, true",
    "*.created, orders.created, true",
    "orders.created, orders.created, true",
    "orders.created, orders.create, false",
    "orders.create, orders.created, false"
  })
  void pattern_matchesWithNatsSemantics(String pattern, String subject, boolean expected) {
    assertThat(SubjectPattern.of(pattern).matches(Subject.of(subject))).isEqualTo(expected);
  }

  @Test
  void pattern_withoutWildcards_reportsSo() {
    assertThat(SubjectPattern.of("orders.created").hasWildcards()).isFalse();
  }

  @Test
  void pattern_equality_isByValue() {
    assertThat(SubjectPattern.of("a.*"))
        .isEqualTo(SubjectPattern.of("a.*"))
        .hasSameHashCodeAs(SubjectPattern.of("a.*"));
  }
}
