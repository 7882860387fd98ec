package io.sluice.nats.internal;

import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.sluice.nats.StreamSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Maps declared {@link StreamSettings} to JetStream configurations and compares them. */
final class StreamConfigs {
  private StreamConfigs() {}

  static StreamConfiguration toConfiguration(StreamSettings s) {
    return apply(s, StreamConfiguration.builder().name(s.name())).build();
  }

  /** The existing configuration with every declared setting applied (others kept). */
  static StreamConfiguration merged(StreamConfiguration existing, StreamSettings s) {
    return apply(s, StreamConfiguration.builder(existing)).build();
  }

  /** Differences JetStream cannot apply in place, as readable sentences; empty when none. */
  static List<String> incompatibilities(StreamConfiguration existing, StreamSettings s) {
    List<String> out = new ArrayList<>();
    if (existing.getStorageType() != storage(s)) {
      out.add(
          "exists with storage "
              + existing.getStorageType().toString().toLowerCase(java.util.Locale.ROOT)
              + " but the settings ask for "
              + s.storage().settingName()
              + "; storage cannot change in place");
    }
    if (existing.getRetentionPolicy() != retention(s)) {
      out.add(
          "exists with retention "
              + existing.getRetentionPolicy().toString().toLowerCase(java.util.Locale.ROOT)
              + " but the settings ask for "
              + s.retention().settingName()
              + "; retention cannot change in place");
    }
    return out;
  }

  /** True when an update is needed to match the declaration. */
  static boolean differs(StreamConfiguration existing, StreamSettings s) {
    return !new HashSet<>(existing.getSubjects()).equals(new HashSet<>(s.subjects()))
        || !Objects.equals(existing.getMaxAge(), s.maxAge())
        || existing.getMaxBytes() != s.maxBytes()
        || existing.getMaxMsgs() != s.maxMessages()
        || existing.getReplicas() != s.replicas()
        || !Objects.equals(existing.getDuplicateWindow(), s.duplicateWindow());
  }

  private static StreamConfiguration.Builder apply(
      StreamSettings s, StreamConfiguration.Builder b) {
    return b.subjects(s.subjects())
        .retentionPolicy(retention(s))
        .storageType(storage(s))
        .maxAge(s.maxAge().isZero() ? Duration.ZERO : s.maxAge())
        .maxBytes(s.maxBytes())
        .maxMessages(s.maxMessages())
        .replicas(s.replicas())
        .duplicateWindow(s.duplicateWindow());
  }

  private static RetentionPolicy retention(StreamSettings s) {
    return switch (s.retention()) {
      case LIMITS -> RetentionPolicy.Limits;
      case INTEREST -> RetentionPolicy.Interest;
      case WORKQUEUE -> RetentionPolicy.WorkQueue;
    };
  }

  private static StorageType storage(StreamSettings s) {
    return s.storage() == StreamSettings.Storage.FILE ? StorageType.File : StorageType.Memory;
  }
}
