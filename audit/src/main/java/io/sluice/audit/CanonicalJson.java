package io.sluice.audit;

/**
 * Builds the canonical JSON of a record one field at a time, in the order the caller gives (which
 * must be sorted key order): no whitespace, absent values as {@code null}, numbers in decimal,
 * strings escaped as {@link AuditHash#appendString} does.
 */
final class CanonicalJson {
  private final StringBuilder out = new StringBuilder(640).append('{');

  CanonicalJson field(String key, String value) {
    name(key);
    if (value == null) {
      out.append("null");
    } else {
      AuditHash.appendString(out, value);
    }
    return this;
  }

  CanonicalJson field(String key, Long value) {
    name(key);
    out.append(value == null ? "null" : value.toString());
    return this;
  }

  CanonicalJson field(String key, long value) {
    name(key);
    out.append(value);
    return this;
  }

  /** A field that is left out entirely, rather than written as null, when absent. */
  CanonicalJson fieldIfPresent(String key, String value) {
    return value == null ? this : field(key, value);
  }

  String end() {
    return out.append('}').toString();
  }

  private void name(String key) {
    if (out.length() > 1) {
      out.append(',');
    }
    out.append('"').append(key).append("\":");
  }
}
