package io.sluice.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stream as a person sees it with {@code curl -N}: events and heartbeat comments. */
class CurlStreamTest {
  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  GatewayHarness harness;
  String alice;

  @BeforeEach
  void start() {
    harness = GatewayHarness.start("streaming:\n  heartbeat: 300ms\n", new StreamPolicy());
    alice = harness.token("alice");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void curl_receivesEarlierEventsFromAll_andHeartbeats() throws Exception {
    for (int n = 1; n <= 2; n++) {
      HttpResponse<String> r =
          harness.post("/v1/events/orders.curl", alice, "application/json", "{\"n\":" + n + "}");
      assertThat(r.statusCode()).isEqualTo(202);
    }

    String output = curl(harness.gateway().baseUrl() + "/v1/events/orders.%3E?from=all");

    assertThat(output).contains(": stream open").contains(": heartbeat");
    assertThat(output.lines().filter(l -> l.equals("event: orders.curl"))).hasSize(2);
    assertThat(output.lines().filter(l -> l.startsWith("data: {\"specversion\":\"1.0\"")))
        .hasSize(2);
    assertThat(output).containsPattern("(?m)^id: \\d+$");
  }

  /** Runs curl for 1.5 s (it exits with 28, "timed out", which is how a stream ends here). */
  private String curl(String url) throws Exception {
    Process curl;
    try {
      curl =
          new ProcessBuilder(
                  "curl",
                  "-sN",
                  "--max-time",
                  "1.5",
                  "-H",
                  "Accept: text/event-stream",
                  "-H",
                  "Authorization: Bearer " + alice,
                  url)
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "curl is needed for this test: install it (apt-get install curl)", e);
    }
    String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(curl.exitValue()).as(output).isEqualTo(28);
    return output;
  }
}
