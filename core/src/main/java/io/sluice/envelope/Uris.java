package io.sluice.envelope;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** RFC 3986 URI and URI-reference checks, as far as {@link URI} implements them. */
final class Uris {
  private Uris() {}

  static Optional<URI> parse(String text) {
    try {
      return Optional.of(new URI(text));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  static boolean isUriReference(String text) {
    return parse(text).isPresent();
  }
}
