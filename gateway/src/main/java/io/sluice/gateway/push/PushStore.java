package io.sluice.gateway.push;

import java.nio.file.Path;
import java.util.List;

/**
 * Where subscriptions created over the admin API are kept between restarts. Calls may block (file
 * I/O); callers run them off the event loop.
 */
public interface PushStore {
  /** Every stored subscription, in creation order. */
  List<PushSubscription> load();

  /** Replaces the stored set with {@code all}; throws {@link java.io.UncheckedIOException}. */
  void save(List<PushSubscription> all);

  /** {@code memory} or {@code file}, as the admin API reports it. */
  String kind();

  /** Keeps nothing: API-created subscriptions end with the process. */
  static PushStore inMemory() {
    return new PushStore() {
      @Override
      public List<PushSubscription> load() {
        return List.of();
      }

      @Override
      public void save(List<PushSubscription> all) {
        // nothing kept: the admin API reports "persistence": "memory"
      }

      @Override
      public String kind() {
        return "memory";
      }
    };
  }

  /** A JSON file, written atomically and readable by its owner only (it holds the secrets). */
  static PushStore file(Path path) {
    return new FilePushStore(path);
  }
}
