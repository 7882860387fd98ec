package io.sluice.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventContractTest {

  record Unannotated(String value) {}

  @Test
  void of_annotatedRecord_readsNameAndVersion() {
    EventContract<UserCreated> contract = EventContract.of(UserCreated.class);

    assertThat(contract.name()).isEqualTo("user.created");
    assertThat(contract.version()).isEqualTo(1);
    assertThat(contract.payloadType()).isEqualTo(UserCreated.class);
  }

  @Test
  void of_unannotatedRecord_explainsHowToDeclareTheContract() {
    assertThatThrownBy(() -> EventContract.of(Unannotated.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no @EventType annotation");
  }

  @Test
  void of_blankNameAndZeroVersion_reportsBothProblems() {
    assertThatThrownBy(() -> EventContract.of(Unannotated.class, " ", 0))
        .hasMessageContaining("name must be a non-empty event type but was ' '")
        .hasMessageContaining("version must be >= 1 but was 0");
  }

  @Test
  void retryPolicy_badSettings_nameEveryBadValue() {
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    0,
                    java.time.Duration.ofSeconds(2),
                    java.time.Duration.ofSeconds(1),
                    2.0,
                    FailureClassifier.standard()))
        .hasMessageContaining("maxAttempts must be >= 1 but was 0")
        .hasMessageContaining("maxDelay must be >= initialDelay (PT2S) but was PT1S")
        .hasMessageContaining("jitter must be between 0 and 1 but was 2.0");
  }

  @Test
  void retryPolicy_delays_doubleUpToTheCapAndStayWithinJitter() {
    RetryPolicy policy =
        RetryPolicy.exponential(
            10, java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(350));

    assertThat(policy.delayAfter(1)).isEqualTo(java.time.Duration.ofMillis(100));
    assertThat(policy.delayAfter(2)).isEqualTo(java.time.Duration.ofMillis(200));
    assertThat(policy.delayAfter(3)).isEqualTo(java.time.Duration.ofMillis(350));
    assertThat(policy.withJitter(0.5).delayAfter(2))
        .isBetween(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(300));
  }

  @Test
  void classifier_permanentOn_makesThatTypeAndItsSubtypesPermanent() {
    FailureClassifier classifier =
        FailureClassifier.standard().permanentOn(IllegalArgumentException.class);

    assertThat(classifier.isTransient(new NumberFormatException("bad"))).isFalse();
    assertThat(classifier.isTransient(new NonRetryableException("no"))).isFalse();
    assertThat(classifier.isTransient(new IllegalStateException("busy"))).isTrue();
  }

  @Test
  void consumerOptions_badValues_areAllReported() {
    assertThatThrownBy(() -> ConsumerOptions.named("bad name").withConcurrency(0))
        .hasMessageContaining(
            "name must be 1-64 characters of A-Z, a-z, 0-9, '_', '.' or '-' but was 'bad name'");
    assertThatThrownBy(() -> ConsumerOptions.named("ok").withConcurrency(0))
        .hasMessage("concurrency must be >= 1 but was 0");
  }
}
