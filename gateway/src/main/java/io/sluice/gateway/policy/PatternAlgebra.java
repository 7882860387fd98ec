package io.sluice.gateway.policy;

import io.sluice.subject.SubjectPattern;

/**
 * Set relations between subject patterns, reading each pattern as the set of subjects it matches.
 * Used for subscriptions: a subscription is allowed only when its pattern is contained in an allow
 * pattern, and denied when it overlaps a deny pattern.
 */
public final class PatternAlgebra {
  private PatternAlgebra() {}

  /** True when every subject {@code inner} matches is also matched by {@code outer}. */
  public static boolean contains(SubjectPattern outer, SubjectPattern inner) {
    return contains(tokens(outer), tokens(inner));
  }

  /** True when at least one subject is matched by both patterns. */
  public static boolean overlaps(SubjectPattern a, SubjectPattern b) {
    return overlaps(tokens(a), tokens(b));
  }

  private static boolean contains(String[] outer, String[] inner) {
    for (int k = 0; ; k++) {
      if (k == outer.length) {
        return k == inner.length;
      }
      if (outer[k].equals(">")) {
        return k < inner.length;
      }
      if (k == inner.length || inner[k].equals(">")) {
        return false;
      }
      if (!outer[k].equals("*") && !outer[k].equals(inner[k])) {
        return false;
      }
    }
  }

  private static boolean overlaps(String[] a, String[] b) {
    for (int k = 0; ; k++) {
      if (k == a.length || k == b.length) {
        return k == a.length && k == b.length;
      }
      if (a[k].equals(">") || b[k].equals(">")) {
        return true;
      }
      if (!a[k].equals("*") && !b[k].equals("*") && !a[k].equals(b[k])) {
        return false;
      }
    }
  }

  private static String[] tokens(SubjectPattern pattern) {
    return pattern.value().split("\\.", -1);
  }
}
