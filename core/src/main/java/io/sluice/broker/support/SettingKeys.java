package io.sluice.broker.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the keys in an adapter's settings that it does not know, so a typo never passes silently.
 */
public final class SettingKeys {
  private SettingKeys() {}

  /** Adds one problem per unknown key, in key order, naming the keys the adapter knows. */
  public static void reportUnknown(
      Map<String, ?> settings, Set<String> known, List<String> problems) {
    for (String key : new TreeSet<>(settings.keySet())) {
      if (!known.contains(key)) {
        problems.add(key + ": unknown setting; known settings are " + new TreeSet<>(known));
      }
    }
  }
}
