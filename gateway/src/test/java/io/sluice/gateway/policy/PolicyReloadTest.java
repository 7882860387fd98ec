package io.sluice.gateway.policy;

import static io.sluice.gateway.policy.PolicyFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.gateway.identity.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy file edited while the gateway runs: good edits apply, broken ones are reported. */
class PolicyReloadTest {
  private static final String ORDERS =
      """
      roles:
        writer: {allow: [{actions: [publish], subjects: ["orders.>"]}]}
      bindings:
        - {role: writer, group: writers}
      """;

  private final Identity writer = user("alice", Map.of(), "writers");
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private Path file;
  private PolicySource source;
  private int edits;

  @TempDir Path dir;

  @BeforeEach
  void load() throws Exception {
    file = Files.writeString(dir.resolve("policy.yaml"), ORDERS);
    List<String> problems = new ArrayList<>();
    source = Policies.fromConfig(Map.of("file", file.toString()), problems, Duration.ofMillis(20));
    assertThat(problems).isEmpty();
    source.onReloadFailure(failures::add);
  }

  @AfterEach
  void close() {
    source.close();
  }

  @Test
  void editedFile_isReloadedWithANewVersion() throws Exception {
    String before = source.version();

    edit(ORDERS.replace("orders.>", "payments.>"));

    await().atMost(Duration.ofSeconds(5)).until(() -> !source.version().equals(before));
    assertThat(allowed("payments.1")).isTrue();
    assertThat(allowed("orders.1")).isFalse();
    assertThat(failures).isEmpty();
  }

  @Test
  void brokenFile_keepsThePreviousPolicyAndReportsWhy() throws Exception {
    String before = source.version();

    edit("roles: {writer: {allow: [{actions: [publish], subjects: [\"orders.>.x\"]}]}}\n");

    await().atMost(Duration.ofSeconds(5)).until(() -> !failures.isEmpty());
    assertThat(failures.get(0)).startsWith("policy[policy.yaml].roles.writer.allow[0].subjects:");
    assertThat(source.version()).isEqualTo(before);
    assertThat(allowed("orders.1")).isTrue();
  }

  @Test
  void fileThatIsNotYaml_keepsThePreviousPolicy_andAFixedFileLoadsAgain() throws Exception {
    edit("roles: [unclosed\n");
    await().atMost(Duration.ofSeconds(5)).until(() -> !failures.isEmpty());
    assertThat(failures.get(0)).startsWith("policy[policy.yaml]: is not valid YAML");
    assertThat(allowed("orders.1")).isTrue();

    edit(ORDERS.replace("orders.>", "invoices.>"));

    await().atMost(Duration.ofSeconds(5)).until(() -> allowed("invoices.1"));
    assertThat(failures).hasSize(1);
  }

  @Test
  void deletedFile_keepsThePreviousPolicy() throws Exception {
    Files.delete(file);

    await().atMost(Duration.ofSeconds(5)).until(() -> !failures.isEmpty());
    assertThat(failures.get(0)).contains("NoSuchFileException");
    assertThat(allowed("orders.1")).isTrue();
  }

  private boolean allowed(String subject) {
    return source.current().decide(writer, Action.PUBLISH, subject).allowed();
  }

  /** Writes new content with a distinct modification time, as an editor saving the file would. */
  private void edit(String content) throws Exception {
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(++edits)));
  }
}
