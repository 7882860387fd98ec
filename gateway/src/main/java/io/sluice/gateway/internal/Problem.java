package io.sluice.gateway.internal;

import io.sluice.envelope.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem detail: {@code type} is {@code https://sluice.io/problems/<slug>}, {@code
 * instance} is filled in with the request id when sent. {@code extras} become extension members
 * (e.g. {@code rule} for a denial); {@code headers} are sent with it (e.g. {@code Retry-After}).
 */
public record Problem(
    int status,
    String slug,
    String title,
    String detail,
    List<Violation> violations,
    Map<String, Object> extras,
    Map<String, String> headers) {

  public static final String TYPE_BASE = "https://sluice.io/problems/";
  public static final String CONTENT_TYPE = "application/problem+json";

  public Problem {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("problem status must be 4xx or 5xx but was " + status);
    }
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    violations = List.copyOf(violations);
    extras = Map.copyOf(extras);
    headers = Map.copyOf(headers);
  }

  static Problem of(int status, String slug, String title, String detail) {
    return new Problem(status, slug, title, detail, List.of(), Map.of(), Map.of());
  }

  Problem withHeader(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new Problem(status, slug, title, detail, violations, extras, all);
  }

  Problem withExtra(String name, Object value) {
    Map<String, Object> all = new LinkedHashMap<>(extras);
    all.put(name, value);
    return new Problem(status, slug, title, detail, violations, all, headers);
  }

  Problem withViolations(List<Violation> violations) {
    return new Problem(status, slug, title, detail, violations, extras, headers);
  }

  public String type() {
    return TYPE_BASE + slug;
  }

  /** The JSON members, in RFC order, with {@code instance} set to the request id. */
  Map<String, Object> toJson(String requestId) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type());
    json.put("title", title);
    json.put("status", status);
    json.put("detail", detail);
    json.put("instance", "urn:uuid:" + requestId);
    if (!violations.isEmpty()) {
      json.put("violations", violations.stream().map(Problem::violationJson).toList());
    }
    json.putAll(extras);
    return json;
  }

  private static Map<String, String> violationJson(Violation v) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("field", v.attribute());
    json.put("rule", v.rule());
    json.put("message", v.message());
    return json;
  }
}
