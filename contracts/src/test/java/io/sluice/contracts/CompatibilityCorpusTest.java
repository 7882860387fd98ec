package io.sluice.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair in {@code compatibility-corpus.json} has a known verdict per direction. */
class CompatibilityCorpusTest {
  record Case(
      String name,
      JsonNode oldSchema,
      JsonNode newSchema,
      List<ChangeKind> backward,
      List<ChangeKind> forward,
      String pointer) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> corpus() throws IOException {
    try (InputStream in =
        CompatibilityCorpusTest.class.getResourceAsStream("/compatibility-corpus.json")) {
      JsonNode all = new ObjectMapper().readTree(in);
      List<Case> cases = new ArrayList<>();
      all.forEach(
          c ->
              cases.add(
                  new Case(
                      c.get("name").asText(),
                      c.get("old"),
                      c.get("new"),
                      kinds(c.get("backward")),
                      kinds(c.get("forward")),
                      c.path("pointer").asText(null))));
      return cases.stream();
    }
  }

  private static List<ChangeKind> kinds(JsonNode array) {
    List<ChangeKind> kinds = new ArrayList<>();
    array.forEach(k -> kinds.add(ChangeKind.valueOf(k.asText())));
    return kinds;
  }

  @Test
  void corpus_hasAtLeastTwentyPairs() throws IOException {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void backward_reportsExactlyTheExpectedChanges(Case c) {
    var report = Compatibility.check(c.oldSchema(), c.newSchema(), CompatibilityMode.BACKWARD);
    assertThat(report.changes())
        .extracting(BreakingChange::kind)
        .containsExactlyInAnyOrderElementsOf(c.backward());
    assertThat(report.isCompatible()).isEqualTo(c.backward().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void forward_reportsExactlyTheExpectedChanges(Case c) {
    var report = Compatibility.check(c.oldSchema(), c.newSchema(), CompatibilityMode.FORWARD);
    assertThat(report.changes())
        .extracting(BreakingChange::kind)
        .containsExactlyInAnyOrderElementsOf(c.forward());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void full_isCompatibleOnlyWhenBothDirectionsAre(Case c) {
    var report = Compatibility.check(c.oldSchema(), c.newSchema(), CompatibilityMode.FULL);
    assertThat(report.isCompatible()).isEqualTo(c.backward().isEmpty() && c.forward().isEmpty());
    assertThat(report.changes()).hasSize(c.backward().size() + c.forward().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void none_acceptsEveryChange(Case c) {
    assertThat(
            Compatibility.check(c.oldSchema(), c.newSchema(), CompatibilityMode.NONE)
                .isCompatible())
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void changes_carryTheExpectedPointerAndAMessage(Case c) {
    var report = Compatibility.check(c.oldSchema(), c.newSchema(), CompatibilityMode.FULL);
    assertThat(report.changes()).allSatisfy(ch -> assertThat(ch.message()).isNotBlank());
    if (c.pointer() != null) {
      assertThat(report.changes()).extracting(BreakingChange::pointer).containsOnly(c.pointer());
    }
  }

  @Test
  void check_acceptsSchemaText() {
    var report =
        Compatibility.check(
            "{\"type\": \"string\"}", "{\"type\": \"integer\"}", CompatibilityMode.BACKWARD);
    assertThat(report.summary()).contains("TYPE_CHANGED").contains("/type");
  }
}
