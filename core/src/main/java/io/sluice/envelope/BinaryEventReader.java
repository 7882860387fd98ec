package io.sluice.envelope;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Rebuilds an event from binary-mode headers and body, collecting every violation. */
final class BinaryEventReader {
  private final String prefix;
  private final boolean percentEncoded;
  private final EventDraft draft = new EventDraft();
  private final Set<String> seen = new HashSet<>();

  BinaryEventReader(String prefix, boolean percentEncoded) {
    this.prefix = prefix.toLowerCase(Locale.ROOT);
    this.percentEncoded = percentEncoded;
  }

  CloudEvent read(Map<String, String> headers, byte[] body) {
    headers.forEach(this::header);
    if (body != null && body.length > 0) {
      draft.data(body);
    }
    var violations = draft.violations();
    if (!violations.isEmpty()) {
      throw new InvalidEventException(violations);
    }
    return draft.build();
  }

  private void header(String name, String value) {
    if (name == null) {
      return;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals(BinaryMode.CONTENT_TYPE)) {
      attribute(Attributes.DATACONTENTTYPE, value, false);
    } else if (lower.startsWith(prefix)) {
      String attribute = lower.substring(prefix.length());
      if (attribute.equals(Attributes.DATACONTENTTYPE)) {
        draft.violation(
            attribute, "content-type", "travels in the content-type header, not " + name);
      } else {
        attribute(attribute, value, percentEncoded);
      }
    }
  }

  private void attribute(String attribute, String value, boolean decode) {
    if (!seen.add(attribute)) {
      draft.violation(attribute, "duplicate", "appears in more than one header");
      return;
    }
    if (value == null) {
      draft.violation(attribute, "required", "header is present without a value");
      return;
    }
    String text = decode ? PercentEncoding.decode(value).orElse(null) : value;
    if (text == null) {
      draft.violation(
          attribute,
          "percent-encoding",
          "must be percent-encoded UTF-8 (%XX with two hex digits) but was "
              + Attributes.quote(value));
    } else {
      draft.attribute(attribute, text);
    }
  }
}
