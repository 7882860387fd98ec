package io.sluice.pulsar;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Deletes test topics through the admin REST API ({@code -Dpulsar.admin}). */
final class TestTopics {
  static final String ADMIN = System.getProperty("pulsar.admin", "http://127.0.0.1:18080");
  private static final String NAMESPACE = "/admin/v2/persistent/public/default";
  private static final Pattern TOPIC = Pattern.compile("\"persistent://public/default/([^\"]+)\"");

  private TestTopics() {}

  /** Deletes (forcibly) every topic of public/default whose name starts with {@code prefix}. */
  static void deleteStartingWith(String prefix) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String list =
        http.send(
                HttpRequest.newBuilder(URI.create(ADMIN + NAMESPACE)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher topics = TOPIC.matcher(list);
    while (topics.find()) {
      String local = topics.group(1);
      if (local.startsWith(prefix)) {
        String path = NAMESPACE + "/" + URLEncoder.encode(local, StandardCharsets.UTF_8);
        http.send(
            HttpRequest.newBuilder(URI.create(ADMIN + path + "?force=true")).DELETE().build(),
            HttpResponse.BodyHandlers.discarding());
      }
    }
  }
}
