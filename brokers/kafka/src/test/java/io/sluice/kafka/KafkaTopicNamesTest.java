package io.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KafkaTopicNamesTest {

  @Test
  void legalSubjectWithoutUnderscore_isItsOwnTopic() {
    assertThat(KafkaTopicNames.topic(Subject.of("orders.eu-west.1"))).isEqualTo("orders.eu-west.1");
  }

  @Test
  void underscoreAndIllegalCharacters_areEscapedAsUtf8Hex() {
    assertThat(KafkaTopicNames.topic(Subject.of("a_b/c.ü"))).isEqualTo("a_5Fb_2Fc._C3_BC");
  }

  @Test
  void everyTopic_isLegalForKafka_andRoundTrips() {
    Random random = new Random(7);
    int[] alphabet = "ab.Z9_-=/:%@ü€😀".codePoints().toArray();
    for (int n = 0; n < 2_000; n++) {
      StringBuilder value = new StringBuilder();
      int tokens = 1 + random.nextInt(4);
      for (int t = 0; t < tokens; t++) {
        value.append(t > 0 ? "." : "");
        for (int i = 0; i <= random.nextInt(5); i++) {
          int cp = alphabet[random.nextInt(alphabet.length)];
          value.appendCodePoint(cp == '.' ? 'q' : cp);
        }
      }
      Subject subject = Subject.of(value.toString());
      String topic = KafkaTopicNames.topic(subject);
      assertThat(topic).matches("[a-zA-Z0-9._-]+");
      assertThat(KafkaTopicNames.subject(topic)).isEqualTo(subject);
    }
  }

  @Test
  void subjectTooLongForKafka_isRejectedNamingTheLimit() {
    Subject subject = Subject.of("€".repeat(90));
    assertThatThrownBy(() -> KafkaTopicNames.topic(subject))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("249");
  }

  @Test
  void patternRegex_agreesWithSubjectPatternMatching() {
    List<String> patterns = List.of("orders.*.created", "orders.>", "orders", "*.x", ">", "a_b.*");
    List<String> subjects =
        List.of(
            "orders",
            "orders.eu",
            "orders.eu.created",
            "orders.eu.de.created",
            "orders.created",
            "x",
            "y.x",
            "a_b.c",
            "a_5Fb.c",
            "ordersXeu");
    for (String p : patterns) {
      SubjectPattern pattern = SubjectPattern.of(p);
      for (String s : subjects) {
        boolean viaTopic =
            KafkaTopicNames.topics(pattern).matcher(KafkaTopicNames.topic(Subject.of(s))).matches();
        assertThat(viaTopic).as("%s ~ %s", p, s).isEqualTo(pattern.matches(s));
      }
    }
  }
}
