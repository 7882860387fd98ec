package io.sluice.cli;

import java.io.PrintWriter;

/** The clearly marked development-mode notice with the dev token and a curl example. */
final class DevBanner {
  private DevBanner() {}

  static void print(PrintWriter out, String baseUrl, String token) {
    String rule = "=".repeat(72);
    out.println(rule);
    out.println("DEVELOPMENT MODE: no identity configured. Do not expose this gateway.");
    out.println("Every request with this token may publish, subscribe and request anything.");
    out.println("Dev token (valid 12 hours, subject 'developer'):");
    out.println();
    out.println("SLUICE_TOKEN=" + token);
    out.println();
    out.println("Try it:");
    out.println("  curl -i -X POST " + baseUrl + "/v1/events/orders.created \\");
    out.println("    -H \"Authorization: Bearer $SLUICE_TOKEN\" \\");
    out.println("    -H 'Content-Type: application/json' -d '{\"orderId\":42}'");
    out.println(rule);
  }
}
