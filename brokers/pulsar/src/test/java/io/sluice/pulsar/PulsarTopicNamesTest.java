package io.sluice.pulsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PulsarTopicNamesTest {
  private final PulsarTopicNames names = PulsarTopicNames.in("public", "default");

  @Test
  void legalSubject_mapsOneToOne() {
    assertThat(names.topic(Subject.of("orders.eu-west_1")))
        .isEqualTo("persistent://public/default/orders.eu-west_1");
  }

  @Test
  void otherCharacters_areEscapedAsUtf8Hex() {
    assertThat(names.topic(Subject.of("a/b=c.ü")))
        .isEqualTo("persistent://public/default/a=2Fb=3Dc.=C3=BC");
  }

  @Test
  void topicName_roundTripsToTheSameSubject() {
    Random random = new Random(42);
    String alphabet = "ab.Z9_-=/:%@ü€😀";
    for (int n = 0; n < 2_000; n++) {
      Subject subject = randomSubject(random, alphabet);
      assertThat(names.subject(names.topic(subject))).isEqualTo(subject);
    }
  }

  @Test
  void topicOutsideTheNamespace_isRejectedNamingIt() {
    assertThatThrownBy(() -> names.subject("persistent://other/ns/orders"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("persistent://other/ns/orders");
  }

  @Test
  void patternRegex_agreesWithSubjectPatternMatching() {
    List<String> patterns =
        List.of("orders.*.created", "orders.>", "orders", "*.x", ">", "a-b.*.>", "a=b.*");
    List<String> subjects =
        List.of(
            "orders",
            "orders.eu",
            "orders.eu.created",
            "orders.eu.de.created",
            "orders.created",
            "x",
            "y.x",
            "a-b.c.d",
            "a-b.c",
            "a=b.c",
            "a=3Db.c",
            "ordersXeu");
    for (String p : patterns) {
      SubjectPattern pattern = SubjectPattern.of(p);
      for (String s : subjects) {
        boolean viaTopic = names.topics(pattern).matcher(names.topic(Subject.of(s))).matches();
        assertThat(viaTopic).as("%s ~ %s", p, s).isEqualTo(pattern.matches(s));
      }
    }
  }

  private static Subject randomSubject(Random random, String alphabet) {
    int[] cps = alphabet.codePoints().toArray();
    StringBuilder value = new StringBuilder();
    int tokens = 1 + random.nextInt(4);
    for (int t = 0; t < tokens; t++) {
      if (t > 0) {
        value.append('.');
      }
      int length = 1 + random.nextInt(5);
      for (int i = 0; i < length; i++) {
        int cp = cps[random.nextInt(cps.length)];
        value.appendCodePoint(cp == '.' ? 'q' : cp);
      }
    }
    return Subject.of(value.toString());
  }
}
