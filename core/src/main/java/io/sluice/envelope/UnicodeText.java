package io.sluice.envelope;

/**
 * The CloudEvents String type: Unicode without control characters (U+0000-U+001F, U+007F-U+009F),
 * without noncharacters and without unpaired surrogates.
 */
final class UnicodeText {
  private UnicodeText() {}

  /** The first code point the CloudEvents String type disallows, or -1 when there is none. */
  static int firstDisallowed(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (disallowed(cp)) {
        return cp;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  private static boolean disallowed(int cp) {
    return cp <= 0x1F
        || (cp >= 0x7F && cp <= 0x9F)
        || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
        || (cp >= 0xFDD0 && cp <= 0xFDEF)
        || (cp & 0xFFFE) == 0xFFFE;
  }
}
