package io.sluice.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTest {

  @Test
  void encode_printableAsciiOtherThanQuoteAndPercent_isKept() {
    assertThat(PercentEncoding.encode("a-Z_0.9/~!#$&'()*+,:;<=>?@[]^`{|}"))
        .isEqualTo("a-Z_0.9/~!#$&'()*+,:;<=>?@[]^`{|}");
  }

  @Test
  void encode_controlCharactersAndSupplementaryCharacters_areEncodedAsUtf8() {
    assertThat(PercentEncoding.encode("\t\u007f\uD83D\uDE00")).isEqualTo("%09%7F%F0%9F%98%80");
  }

  @Test
  void decode_lowerCaseHex_isAccepted() {
    assertThat(PercentEncoding.decode("%c3%a9")).contains("é");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%4", "%zz", "%C3", "%FF", "%\uFF11\uFF11"})
  void decode_malformedEscapes_areRejected(String value) {
    assertThat(PercentEncoding.decode(value)).isEmpty();
  }
}
