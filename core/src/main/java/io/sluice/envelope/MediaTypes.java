package io.sluice.envelope;

import java.util.Locale;
import java.util.regex.Pattern;

/** RFC 2046 media types ({@code type/subtype[; name=value]*}) and the JSON test of the format. */
final class MediaTypes {
  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  private static final String QUOTED =
      "\"(?:[\\t\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\t\\x20-\\x7E])*\"";
  private static final Pattern MEDIA_TYPE =
      Pattern.compile(
          TOKEN
              + "/"
              + TOKEN
              + "(?:[ \\t]*;[ \\t]*"
              + TOKEN
              + "=(?:"
              + TOKEN
              + "|"
              + QUOTED
              + "))*");

  private MediaTypes() {}

  static boolean isValid(String mediaType) {
    return MEDIA_TYPE.matcher(mediaType).matches();
  }

  /**
   * True when a payload of this type is JSON: absent, {@code application/json} or any {@code +json}
   * subtype, compared without parameters and case.
   */
  static boolean isJson(String mediaType) {
    if (mediaType == null) {
      return true;
    }
    int semicolon = mediaType.indexOf(';');
    String essence =
        (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
            .trim()
            .toLowerCase(Locale.ROOT);
    int slash = essence.indexOf('/');
    return essence.equals("application/json")
        || (slash > 0 && essence.endsWith("+json") && essence.indexOf('/', slash + 1) < 0);
  }
}
