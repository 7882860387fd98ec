package io.sluice.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice publish}: POST one JSON payload to a running gateway and print its answer. */
@Command(
    name = "publish",
    description = "Publish a JSON payload to a subject through a running gateway.")
final class PublishCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description = "Gateway base URL (default: ${DEFAULT-VALUE})")
  String url;

  @Option(
      names = "--token",
      description = "Bearer token (default: $SLUICE_TOKEN)",
      defaultValue = "${env:SLUICE_TOKEN}")
  String token;

  @Option(names = "--type", description = "CloudEvents type (default: the subject)")
  String type;

  @Option(names = "--ack", description = "durable or none (default: the gateway's configuration)")
  String ack;

  @Option(
      names = "--idempotency-key",
      description = "Idempotency-Key header: a retry publishes nothing new")
  String idempotencyKey;

  @Parameters(index = "0", paramLabel = "SUBJECT", description = "Subject, e.g. orders.created")
  String subject;

  @Parameters(index = "1", paramLabel = "JSON", description = "The event data as JSON")
  String json;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (token == null || token.isBlank()) {
      err.println(
          "sluice publish: no token; pass --token or set SLUICE_TOKEN (sluice serve prints a dev token)");
      return 2;
    }
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      HttpResponse<String> response = http.send(request(), HttpResponse.BodyHandlers.ofString());
      out.println(response.statusCode() + " " + response.body());
      return response.statusCode() / 100 == 2 ? 0 : 1;
    } catch (IOException e) {
      err.println("sluice publish: cannot reach " + url + " (" + e.getMessage() + ")");
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("sluice publish: " + e.getMessage());
      return 2;
    }
  }

  private HttpRequest request() {
    String path = "/v1/events/" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
    String query = ack == null ? "" : "?ack=" + URLEncoder.encode(ack, StandardCharsets.UTF_8);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path + query))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (type != null) {
      b.header("Sluice-Type", type);
    }
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return b.build();
  }
}
