package io.sluice.gateway.internal;

import java.util.List;
import java.util.Locale;

/** Content-Type handling: the bare media type, and the configured allow-list (415 otherwise). */
final class MediaTypes {
  static final String STRUCTURED = "application/cloudevents+json";
  static final String BATCH = "application/cloudevents-batch+json";
  static final String JSON = "application/json";

  private MediaTypes() {}

  /** The media type without parameters, lower case; empty when the header is missing. */
  static String bare(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  static void requireAllowed(String mediaType, List<String> allowed) {
    if (mediaType.isEmpty()) {
      throw Problems.fail(
          Problems.unsupportedMediaType(
              "the Content-Type header is required; allowed: " + String.join(", ", allowed)));
    }
    if (!allowed.contains(mediaType)) {
      throw Problems.fail(
          Problems.unsupportedMediaType(
              "Content-Type "
                  + mediaType
                  + " is not allowed (limits.allowedContentTypes: "
                  + String.join(", ", allowed)
                  + ")"));
    }
  }

  static boolean isJson(String mediaType) {
    return mediaType.equals(JSON) || mediaType.endsWith("+json");
  }
}
