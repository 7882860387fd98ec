package io.sluice.gateway.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 checking: JSON bodies with invalid byte sequences are rejected with 400. */
final class Utf8 {
  private Utf8() {}

  static void requireValid(byte[] bytes, String what) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw Problems.fail(Problems.malformed(what + " is not valid UTF-8"));
    }
  }
}
