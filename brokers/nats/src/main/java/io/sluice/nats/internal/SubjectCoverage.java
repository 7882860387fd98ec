package io.sluice.nats.internal;

/** Whether every subject a pattern matches is also matched by a stream's subject filter. */
final class SubjectCoverage {
  private SubjectCoverage() {}

  /** True when {@code filter} (a stream subject) matches everything {@code pattern} matches. */
  static boolean covers(String filter, String pattern) {
    String[] f = filter.split("\\.", -1);
    String[] p = pattern.split("\\.", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals(">")) {
        return i < p.length;
      }
      if (i >= p.length || p[i].equals(">")) {
        return false;
      }
      if (!f[i].equals("*") && !f[i].equals(p[i])) {
        return false;
      }
    }
    return f.length == p.length;
  }
}
