package io.sluice.broker;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to open a broker: its URL, adapter settings (nested maps as read from YAML),
 * listeners for {@link BrokerEvent}s and the clock to use.
 */
public record BrokerSpec(
    URI url, Map<String, Object> settings, List<BrokerListener> listeners, Clock clock) {

  private static final java.util.regex.Pattern BARE_SCHEME =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

  public BrokerSpec {
    Objects.requireNonNull(url, "url");
    settings = Map.copyOf(settings);
    listeners = List.copyOf(listeners);
    Objects.requireNonNull(clock, "clock");
  }

  public static BrokerSpec of(String url) {
    return new BrokerSpec(parse(url), Map.of(), List.of(), Clock.systemUTC());
  }

  public BrokerSpec withSettings(Map<String, Object> settings) {
    return new BrokerSpec(url, settings, listeners, clock);
  }

  public BrokerSpec withListener(BrokerListener listener) {
    var all = new java.util.ArrayList<>(listeners);
    all.add(listener);
    return new BrokerSpec(url, settings, all, clock);
  }

  public BrokerSpec withClock(Clock clock) {
    return new BrokerSpec(url, settings, listeners, clock);
  }

  public String scheme() {
    return url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
  }

  /** The URL without user information, safe to log. */
  public String redactedUrl() {
    return Redaction.redact(url);
  }

  private static URI parse(String url) {
    Objects.requireNonNull(url, "broker url");
    try {
      if (BARE_SCHEME.matcher(url).matches()) {
        // java.net.URI rejects a URL that is only a scheme, such as "mem:"; read it as "mem:/"
        return new URI(url + "/");
      }
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "broker url is not a valid URI: "
              + Redaction.redactText(url)
              + " ("
              + e.getReason()
              + ")");
    }
  }
}
