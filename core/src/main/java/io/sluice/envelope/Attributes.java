package io.sluice.envelope;

import java.util.Set;

/** Names of the CloudEvents 1.0 context attributes and the JSON members reserved for data. */
final class Attributes {
  static final String SPECVERSION = "specversion";
  static final String ID = "id";
  static final String SOURCE = "source";
  static final String TYPE = "type";
  static final String DATACONTENTTYPE = "datacontenttype";
  static final String DATASCHEMA = "dataschema";
  static final String SUBJECT = "subject";
  static final String TIME = "time";
  static final String DATA = "data";
  static final String DATA_BASE64 = "data_base64";

  /** Context attributes defined by the core specification; no extension may take these names. */
  static final Set<String> CONTEXT =
      Set.of(SPECVERSION, ID, SOURCE, TYPE, DATACONTENTTYPE, DATASCHEMA, SUBJECT, TIME);

  private static final int MAX_QUOTED = 64;

  private Attributes() {}

  /** A value quoted for an error message, shortened so that messages stay readable. */
  static String quote(Object value) {
    String text = String.valueOf(value);
    if (text.length() > MAX_QUOTED) {
      text = text.substring(0, MAX_QUOTED) + "...";
    }
    return "\"" + text + "\"";
  }
}
