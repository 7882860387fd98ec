package io.sluice.examples.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.library.DeadLetters;
import io.sluice.subject.SubjectPattern;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example end to end on the in-memory broker and H2: HTTP, outbox, handler, dead letters. */
class OnboardingAppTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<CloudEvent> created = new CopyOnWriteArrayList<>();
  private final List<CloudEvent> deadLetters = new CopyOnWriteArrayList<>();
  private OnboardingApp.Running app;

  @BeforeEach
  void start() throws Exception {
    app =
        OnboardingApp.start(
            "mem:", 0, "jdbc:h2:mem:onb" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    watch(Users.SUBJECT, created);
    watch(OnboardingApp.DEAD_LETTERS, deadLetters);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private void watch(String subject, List<CloudEvent> into) {
    app.broker()
        .subscribe(
            SubjectPattern.of(subject),
            SubscribeOptions.defaults(),
            delivery -> {
              into.add(delivery.event());
              delivery.ack();
            });
  }

  private HttpResponse<String> postUser(String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/users"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void postUser_publishesUserCreatedThroughTheOutbox() throws Exception {
    HttpResponse<String> response = postUser("{\"email\":\"ada@example.com\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    await().until(() -> created.size() == 1);
    assertThat(created.getFirst().type()).isEqualTo("user.created");
    assertThat(created.getFirst().extensionAsString("correlationid").orElseThrow())
        .startsWith("signup-");
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void postUser_whoseMailFails_endsInTheDeadLetterSubjectAfterRetries() throws Exception {
    assertThat(postUser("{\"email\":\"bob+fail@example.com\"}").statusCode()).isEqualTo(201);

    await().until(() -> deadLetters.size() == 1);
    assertThat(deadLetters.getFirst().extension(DeadLetters.ATTEMPTS)).contains(4);
    assertThat(deadLetters.getFirst().extension(DeadLetters.REASON))
        .contains(DeadLetters.REASON_EXHAUSTED);
  }

  @Test
  void postUser_withInvalidEmail_isRefusedAndPublishesNothing() throws Exception {
    HttpResponse<String> response = postUser("{\"email\":\"nope\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("email: must be a well-formed email address");
    assertThat(created).isEmpty();
  }
}
