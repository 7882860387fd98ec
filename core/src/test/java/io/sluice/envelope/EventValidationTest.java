package io.sluice.envelope;

import static io.sluice.envelope.TestEvents.minimal;
import static io.sluice.envelope.TestEvents.rules;
import static io.sluice.envelope.TestEvents.violations;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventValidationTest {

  @Test
  void build_withRequiredAttributes_succeeds() {
    assertThat(minimal().build().specVersion()).isEqualTo("1.0");
  }

  @Test
  void build_withoutRequiredAttributes_reportsEachOneTogether() {
    assertThat(rules(() -> CloudEvent.builder().build()))
        .containsExactly("id:required", "source:required", "type:required");
  }

  @Test
  void build_withEmptyId_reportsRequired() {
    assertThat(rules(() -> minimal().id("").build())).containsExactly("id:required");
  }

  @Test
  void build_sourceRelativeReference_isAccepted() {
    assertThat(minimal().source("orders/eu?x=1#frag").build().source())
        .isEqualTo("orders/eu?x=1#frag");
  }

  @Test
  void build_sourceNotUriReference_reportsUriReference() {
    assertThat(rules(() -> minimal().source("has spaces and \\").build()))
        .containsExactly("source:uri-reference");
  }

  @Test
  void build_absoluteDataSchema_isAccepted() {
    URI schema = URI.create("https://example.com/schema.json");

    assertThat(minimal().dataSchema(schema).build().dataSchema()).contains(schema);
  }

  @Test
  void build_relativeDataSchema_reportsAbsoluteUri() {
    assertThat(rules(() -> minimal().dataSchema(URI.create("schemas/order")).build()))
        .containsExactly("dataschema:absolute-uri");
  }

  @Test
  void build_mediaTypeWithParameters_isAccepted() {
    String type = "text/plain; charset=\"utf-8\";format=flowed";

    assertThat(minimal().dataContentType(type).build().dataContentType()).contains(type);
  }

  @Test
  void build_contentTypeWithoutSubtype_reportsMediaType() {
    assertThat(rules(() -> minimal().dataContentType("json").build()))
        .containsExactly("datacontenttype:media-type");
  }

  @Test
  void build_contentTypeWithBrokenParameter_reportsMediaType() {
    assertThat(rules(() -> minimal().dataContentType("text/plain; charset").build()))
        .containsExactly("datacontenttype:media-type");
  }

  @Test
  void build_nonEmptySubject_isAccepted() {
    assertThat(minimal().subject("orders/42").build().subject()).contains("orders/42");
  }

  @Test
  void build_emptySubject_reportsNonEmpty() {
    assertThat(rules(() -> minimal().subject("").build())).containsExactly("subject:non-empty");
  }

  @Test
  void build_controlCharacterInType_reportsString() {
    assertThat(violations(() -> minimal().type("a\u0007b").build()))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("U+0007"));
  }

  @Test
  void build_unpairedSurrogateInSubject_reportsString() {
    assertThat(rules(() -> minimal().subject("x\uD800").build())).containsExactly("subject:string");
  }

  @Test
  void build_supplementaryCharacters_areAccepted() {
    assertThat(minimal().subject("emoji \uD83D\uDE00").build().subject()).isPresent();
  }

  @Test
  void build_timeBeyondYear9999_reportsRfc3339() {
    assertThat(rules(() -> minimal().time(Instant.parse("+10000-01-01T00:00:00Z")).build()))
        .containsExactly("time:rfc3339");
  }

  @Test
  void build_manyProblems_reportsAllInOneException() {
    assertThat(
            rules(
                () ->
                    CloudEvent.builder()
                        .id("x")
                        .source("bad source")
                        .dataContentType("nope")
                        .subject("")
                        .extension("Bad", 1)
                        .build()))
        .containsExactlyInAnyOrder(
            "type:required",
            "source:uri-reference",
            "datacontenttype:media-type",
            "subject:non-empty",
            "Bad:name");
  }
}
