package io.sluice.gateway.push;

import java.util.LinkedHashMap;
import java.util.Map;

/** A subscription as JSON for the admin API and the store; the secret is never part of it. */
final class PushViews {
  private PushViews() {}

  static Map<String, Object> describe(PushSubscription s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", s.name());
    json.put("pattern", s.pattern().value());
    json.put("endpoint", s.endpoint().toString());
    json.put("group", s.group());
    json.put("maxAttempts", s.maxAttempts());
    json.put("backoff", backoff(s.backoff()));
    json.put("concurrency", s.concurrency());
    json.put("timeout", s.timeout().toString());
    json.put("deadLetter", s.deadLetter().value());
    return json;
  }

  private static Map<String, Object> backoff(PushBackoff b) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("initial", b.initial().toString());
    json.put("max", b.max().toString());
    json.put("multiplier", b.multiplier());
    json.put("jitter", b.jitter());
    return json;
  }
}
