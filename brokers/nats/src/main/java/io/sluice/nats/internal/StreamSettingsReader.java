package io.sluice.nats.internal;

import io.sluice.nats.StreamSettings;
import io.sluice.nats.StreamSettings.Retention;
import io.sluice.nats.StreamSettings.Storage;
import io.sluice.subject.InvalidSubjectException;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code streams} list of the NATS settings. */
final class StreamSettingsReader {
  private static final Set<String> KEYS =
      Set.of(
          "name",
          "subjects",
          "retention",
          "maxAge",
          "maxBytes",
          "maxMessages",
          "replicas",
          "storage",
          "duplicateWindow");

  private StreamSettingsReader() {}

  static List<StreamSettings> readAll(SettingsValues root) {
    Object raw = root.raw("streams");
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list)) {
      root.problem("streams", "must be a list of stream declarations but was '" + raw + "'");
      return List.of();
    }
    List<StreamSettings> streams = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String key = "streams[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        root.problem(key, "must be a map with name and subjects but was '" + list.get(i) + "'");
        continue;
      }
      StreamSettings s = read(root.nested(asStringMap(map), key));
      if (s != null && !names.add(s.name())) {
        root.problem(key + ".name", "stream '" + s.name() + "' is declared twice");
      }
      if (s != null) {
        streams.add(s);
      }
    }
    return streams;
  }

  private static StreamSettings read(SettingsValues v) {
    int before = v.problemCount();
    v.rejectUnknown(KEYS);
    String name = v.text("name", null);
    if (name == null && !v.has("name")) {
      v.problem(v.key("name"), "is required");
    } else if (name != null && !name.matches("[A-Za-z0-9_-]{1,64}")) {
      v.problem(
          v.key("name"),
          "must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-' but was '" + name + "'");
    }
    List<String> subjects = subjects(v);
    Retention retention = v.choice("retention", Retention.class, Retention.LIMITS);
    Duration maxAge = v.duration("maxAge", Duration.ZERO, true);
    long maxBytes = v.number("maxBytes", -1, -1);
    long maxMessages = v.number("maxMessages", -1, -1);
    long replicas = v.number("replicas", 1, 1);
    if (replicas > 5) {
      v.problem(v.key("replicas"), "must be 1 to 5 but was " + replicas);
    }
    Storage storage = v.choice("storage", Storage.class, Storage.FILE);
    Duration window = duplicateWindow(v, maxAge);
    if (v.hasProblemsSince(before)) {
      return null;
    }
    return new StreamSettings(
        name, subjects, retention, maxAge, maxBytes, maxMessages, (int) replicas, storage, window);
  }

  private static Duration duplicateWindow(SettingsValues v, Duration maxAge) {
    Duration window = v.duration("duplicateWindow", defaultWindow(maxAge), false);
    if (!maxAge.isZero() && window.compareTo(maxAge) > 0) {
      v.problem(
          v.key("duplicateWindow"),
          "must not be longer than maxAge (" + maxAge + ") but was " + window);
    }
    return window;
  }

  /** JetStream's own default: two minutes, or maxAge when that is shorter. */
  private static Duration defaultWindow(Duration maxAge) {
    Duration standard = StreamSettings.DEFAULT_DUPLICATE_WINDOW;
    return !maxAge.isZero() && maxAge.compareTo(standard) < 0 ? maxAge : standard;
  }

  private static List<String> subjects(SettingsValues v) {
    Object raw = v.raw("subjects");
    List<?> list = raw instanceof List<?> l ? l : raw instanceof String s ? List.of(s) : null;
    if (list == null || list.isEmpty()) {
      v.problem(v.key("subjects"), "must list at least one subject pattern but was '" + raw + "'");
      return List.of();
    }
    List<String> subjects = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      try {
        subjects.add(SubjectPattern.of(String.valueOf(list.get(i))).value());
      } catch (InvalidSubjectException e) {
        v.problem(v.key("subjects") + "[" + i + "]", e.getMessage());
      }
    }
    return subjects;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asStringMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
