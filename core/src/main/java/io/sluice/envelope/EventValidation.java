package io.sluice.envelope;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The CloudEvents 1.0 attribute rules, checked together so that every violation is reported. */
final class EventValidation {
  private EventValidation() {}

  static List<Violation> violations(
      String id,
      String source,
      String type,
      String dataContentType,
      URI dataSchema,
      String subject,
      Instant time,
      Map<String, Object> extensions) {
    List<Violation> out = new ArrayList<>();
    requireNonEmpty(Attributes.ID, id, out);
    requireNonEmpty(Attributes.SOURCE, source, out);
    requireNonEmpty(Attributes.TYPE, type, out);
    checkSource(source, out);
    checkDataContentType(dataContentType, out);
    checkDataSchema(dataSchema, out);
    checkSubject(subject, out);
    checkTime(time, out);
    ExtensionRules.check(extensions, out);
    return out;
  }

  /** Adds a violation when the string holds characters the CloudEvents String type disallows. */
  static boolean checkCharacters(String attribute, String value, List<Violation> out) {
    int cp = value == null ? -1 : UnicodeText.firstDisallowed(value);
    if (cp >= 0) {
      out.add(
          new Violation(
              attribute, "string", String.format("must not contain the character U+%04X", cp)));
      return false;
    }
    return true;
  }

  private static void requireNonEmpty(String attribute, String value, List<Violation> out) {
    if (value == null || value.isEmpty()) {
      out.add(new Violation(attribute, "required", "is required and must be a non-empty string"));
    } else {
      checkCharacters(attribute, value, out);
    }
  }

  private static void checkSource(String source, List<Violation> out) {
    if (source != null && !source.isEmpty() && !Uris.isUriReference(source)) {
      out.add(
          new Violation(
              Attributes.SOURCE,
              "uri-reference",
              "must be a URI-reference but was " + Attributes.quote(source)));
    }
  }

  private static void checkDataContentType(String contentType, List<Violation> out) {
    if (contentType != null && !MediaTypes.isValid(contentType)) {
      out.add(
          new Violation(
              Attributes.DATACONTENTTYPE,
              "media-type",
              "must be a media type like type/subtype;name=value but was "
                  + Attributes.quote(contentType)));
    }
  }

  private static void checkDataSchema(URI dataSchema, List<Violation> out) {
    if (dataSchema != null && !dataSchema.isAbsolute()) {
      out.add(
          new Violation(
              Attributes.DATASCHEMA,
              "absolute-uri",
              "must be an absolute URI but was " + Attributes.quote(dataSchema)));
    }
  }

  private static void checkSubject(String subject, List<Violation> out) {
    if (subject == null) {
      return;
    }
    if (subject.isEmpty()) {
      out.add(new Violation(Attributes.SUBJECT, "non-empty", "must not be empty when present"));
    } else {
      checkCharacters(Attributes.SUBJECT, subject, out);
    }
  }

  private static void checkTime(Instant time, List<Violation> out) {
    if (time != null && !Rfc3339.representable(time)) {
      out.add(
          new Violation(
              Attributes.TIME,
              "rfc3339",
              "must lie between the years 0000 and 9999 but was " + time));
    }
  }
}
