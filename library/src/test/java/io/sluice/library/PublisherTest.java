package io.sluice.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.broker.PublishReceipt;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.library.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublisherTest {
  private final TestBroker broker = TestBroker.create();
  private final Sluice sluice = broker.client();
  private final Publisher<UserCreated> users = sluice.publisher("users.created", UserCreated.class);

  @AfterEach
  void close() {
    sluice.close();
    broker.close();
  }

  @Test
  void publish_record_sendsJsonCloudEventWithContractTypeAndVersion() {
    PublishReceipt receipt =
        users.publish(new UserCreated("u1", "ada@example.com")).toCompletableFuture().join();

    CloudEvent sent = broker.published("users.created").getFirst();
    assertThat(receipt.eventId()).isEqualTo(sent.id());
    assertThat(sent.type()).isEqualTo("user.created");
    assertThat(sent.dataContentType()).contains("application/json");
    assertThat(sent.extension(Extensions.EVENT_VERSION)).contains(1);
    assertThat(sent.time()).isPresent();
    assertThat(new String(sent.data().orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("{\"userId\":\"u1\",\"email\":\"ada@example.com\"}");
  }

  @Test
  void publish_withOptions_carriesCorrelationIdempotencyAndPartitionKeys() {
    PublishOptions options =
        PublishOptions.defaults()
            .withCorrelationId("signup-7")
            .withIdempotencyKey("user-u1")
            .withPartitionKey("u1");

    users.publish(new UserCreated("u1", "ada@example.com"), options).toCompletableFuture().join();

    CloudEvent sent = broker.published("users.created").getFirst();
    assertThat(sent.extensionAsString(Extensions.CORRELATION_ID)).contains("signup-7");
    assertThat(sent.extensionAsString(Extensions.IDEMPOTENCY_KEY)).contains("user-u1");
    assertThat(sent.extensionAsString(Extensions.PARTITION_KEY)).contains("u1");
  }

  @Test
  void publish_invalidPayload_failsWithEveryViolationAndPublishesNothing() {
    assertThatThrownBy(
            () -> users.publish(new UserCreated("", "not-an-email")).toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(EventValidationException.class)
        .hasMessageContaining("email: must be a well-formed email address")
        .hasMessageContaining("userId: must not be blank");
    assertThat(broker.published()).isEmpty();
  }

  @Test
  void publish_sameIdempotencyKeyTwice_isReportedAsDuplicate() {
    PublishOptions options = PublishOptions.defaults().withIdempotencyKey("once");
    UserCreated user = new UserCreated("u1", "ada@example.com");

    users.publish(user, options).toCompletableFuture().join();
    PublishReceipt second = users.publish(user, options).toCompletableFuture().join();

    assertThat(second.duplicate()).isTrue();
    assertThat(broker.published("users.created")).hasSize(1);
  }

  @Test
  void publishOptions_blankKey_isRejectedWithTheBadValue() {
    assertThatThrownBy(() -> PublishOptions.defaults().withIdempotencyKey(" "))
        .hasMessage("idempotencyKey must not be blank but was ' '");
  }
}
