package io.sluice.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sluice.gateway.CapturedLogs;
import io.sluice.gateway.GatewayHarness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real browser: headless Chromium opens an {@code EventSource} with a stream ticket (it cannot
 * send an Authorization header) and reports each event it receives back to a small recorder.
 */
class BrowserEventSourceTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  GatewayHarness harness;
  HttpServer recorder;
  Path profile;
  Process browser;
  final List<String> reports = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    if (!Files.isExecutable(CHROMIUM)) {
      fail("headless Chromium not found at " + CHROMIUM + "; install it: apt-get install chromium");
    }
    harness = GatewayHarness.start("", new StreamPolicy());
    profile = Files.createTempDirectory("sluice-chromium");
    recorder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    recorder.start();
  }

  @AfterEach
  void stop() throws IOException {
    if (browser != null) {
      browser.descendants().forEach(ProcessHandle::destroyForcibly);
      browser.destroyForcibly();
    }
    recorder.stop(0);
    harness.close();
    try (Stream<Path> paths = Files.walk(profile)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void browserEventSource_withTicket_receivesEvents() throws Exception {
    String alice = harness.token("alice");
    HttpResponse<String> issued =
        harness.post("/v1/stream-tickets", alice, "application/json", "{\"pattern\":\"orders.>\"}");
    String events = JSON.readTree(issued.body()).get("events").asText();
    serve(page(harness.gateway().baseUrl() + events));

    browser = chromium("http://127.0.0.1:" + recorder.getAddress().getPort() + "/page.html");
    await().atMost(WAIT).until(() -> reports.contains("open"));
    for (int n = 1; n <= 2; n++) {
      harness.post("/v1/events/orders.browser", alice, "application/json", "{\"n\":" + n + "}");
    }

    await().atMost(WAIT).until(() -> reports.size() >= 3);
    assertThat(reports.get(1)).startsWith("orders.browser ").contains("\"n\":1");
    assertThat(reports.get(2)).contains("\"n\":2");
  }

  private static String page(String streamUrl) {
    return """
        <!doctype html><html><body><script>
        const report = (text) => fetch("/report", {method: "POST", body: text});
        const source = new EventSource("%s");
        source.onopen = () => report("open");
        source.addEventListener("orders.browser", (e) => report(e.type + " " + e.data));
        </script></body></html>
        """
        .formatted(streamUrl);
  }

  private void serve(String html) {
    recorder.createContext("/page.html", ex -> answer(ex, html, "text/html"));
    recorder.createContext(
        "/report",
        ex -> {
          reports.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          answer(ex, "", "text/plain");
        });
  }

  private static void answer(HttpExchange ex, String body, String type) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  /** Cross-origin to the gateway, hence --disable-web-security (the gateway sends no CORS). */
  private Process chromium(String url) throws IOException {
    return new ProcessBuilder(
            CHROMIUM.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-web-security",
            "--user-data-dir=" + profile,
            url)
        .redirectErrorStream(true)
        .redirectOutput(profile.resolve("chromium.log").toFile())
        .start();
  }
}
