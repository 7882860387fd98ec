package io.sluice.pulsar;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deletes test topics through the test broker's admin REST API ({@link TestBroker#adminUrl()}).
 * Every call is bounded: a forced delete that the broker never answers (seen with a cursor stuck in
 * a metadata conflict) is reported on stderr and left to the test broker's own cleanup instead of
 * stalling the build.
 */
final class TestTopics {
  private static final String NAMESPACE = "/admin/v2/persistent/public/default";
  private static final Pattern TOPIC = Pattern.compile("\"persistent://public/default/([^\"]+)\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private TestTopics() {}

  /** Deletes (forcibly) every topic of public/default whose name starts with {@code prefix}. */
  static void deleteStartingWith(String prefix) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpResponse<String> list =
        http.send(request(NAMESPACE).build(), HttpResponse.BodyHandlers.ofString());
    if (list.statusCode() != 200) {
      throw new IllegalStateException(
          "listing Pulsar topics answered " + list.statusCode() + ": " + list.body());
    }
    Matcher topics = TOPIC.matcher(list.body());
    while (topics.find()) {
      String local = topics.group(1);
      if (local.startsWith(prefix)) {
        delete(http, local);
      }
    }
  }

  private static void delete(HttpClient http, String local)
      throws IOException, InterruptedException {
    String path = NAMESPACE + "/" + URLEncoder.encode(local, StandardCharsets.UTF_8);
    try {
      http.send(
          request(path + "?force=true").DELETE().build(), HttpResponse.BodyHandlers.discarding());
    } catch (HttpTimeoutException e) {
      System.err.println(
          "Pulsar did not delete test topic " + local + " within " + TIMEOUT + "; left in place");
    }
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(TestBroker.adminUrl() + path)).timeout(TIMEOUT);
  }
}
