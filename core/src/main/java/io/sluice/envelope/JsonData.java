package io.sluice.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The payload members of a structured event as read: {@code data} (its JSON text, and its string
 * value when it is a string) and {@code data_base64}. Which one applies, and how, depends on {@code
 * datacontenttype}, which may come after them in the object.
 */
final class JsonData {
  private String json;
  private String text;
  private String base64;

  void data(String json, String stringValue) {
    this.json = json;
    this.text = stringValue;
  }

  void base64(String base64) {
    this.base64 = base64;
  }

  void applyTo(EventDraft draft) {
    if (json != null && base64 != null) {
      draft.violation(
          Attributes.DATA, "data-exclusive", "data and data_base64 must not both be present");
    } else if (base64 != null) {
      applyBase64(draft);
    } else if (json != null) {
      applyData(draft);
    }
  }

  private void applyBase64(EventDraft draft) {
    try {
      draft.data(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      draft.violation(Attributes.DATA_BASE64, "base64", "must be valid base64 (RFC 4648)");
    }
  }

  private void applyData(EventDraft draft) {
    String contentType = draft.dataContentType();
    if (MediaTypes.isJson(contentType)) {
      draft.data(json.getBytes(StandardCharsets.UTF_8));
    } else if (text != null) {
      draft.data(text.getBytes(StandardCharsets.UTF_8));
    } else {
      draft.violation(
          Attributes.DATA,
          "data-type",
          "must be a JSON string because datacontenttype "
              + Attributes.quote(contentType)
              + " is not JSON; binary data travels as data_base64");
    }
  }
}
