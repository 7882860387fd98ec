package io.sluice.broker;

import java.net.URI;

/** Removes credentials from broker URLs before they reach logs or errors. */
final class Redaction {
  private Redaction() {}

  static String redact(URI url) {
    if (url.getRawUserInfo() == null) {
      return url.toString();
    }
    return url.toString().replace(url.getRawUserInfo() + "@", "***@");
  }

  static String redactText(String url) {
    return url.replaceAll("//[^/@]*@", "//***@");
  }
}
