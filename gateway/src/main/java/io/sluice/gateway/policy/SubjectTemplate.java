package io.sluice.gateway.policy;

import io.sluice.gateway.identity.Identity;
import io.sluice.subject.InvalidSubjectException;
import io.sluice.subject.SubjectPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A subject pattern that may hold variables filled from the caller: {@code {identity.id}}, {@code
 * {identity.type}} and {@code {claims.<name>}} (a dotted name reads nested claims). A value fills a
 * variable only when it is a single valid token (no {@code .}, {@code *}, {@code >}, whitespace or
 * control characters), so a claim can never widen a pattern.
 */
final class SubjectTemplate {
  private static final Pattern VARIABLE =
      Pattern.compile("identity\\.(id|type)|claims(\\.[A-Za-z0-9_:\\-]+)+");

  /** One piece of a token: literal text, or a variable name when {@code variable} is true. */
  private record Piece(String text, boolean variable) {}

  private final String text;
  private final List<List<Piece>> tokens;
  private final SubjectPattern fixed;

  private SubjectTemplate(String text, List<List<Piece>> tokens) {
    this.text = text;
    this.tokens = tokens;
    this.fixed = hasVariables(tokens) ? null : SubjectPattern.of(text);
  }

  /**
   * @throws IllegalArgumentException with a message naming the problem
   */
  static SubjectTemplate parse(String text) {
    SubjectTemplate template = new SubjectTemplate(text, TemplateParser.tokens(text));
    for (List<Piece> token : template.tokens) {
      for (Piece p : token) {
        if (p.variable() && !VARIABLE.matcher(p.text()).matches()) {
          throw new IllegalArgumentException(
              "unknown variable {"
                  + p.text()
                  + "}; use {identity.id}, {identity.type} or"
                  + " {claims.<name>}");
        }
      }
    }
    List<String> sample = new ArrayList<>();
    for (List<Piece> token : template.tokens) {
      sample.add(fill(token, v -> "x"));
    }
    SubjectPattern.of(String.join(".", sample));
    return template;
  }

  String text() {
    return text;
  }

  /** The tokens, with {@code *} for each token that holds a variable (what any value can match). */
  List<String> shape() {
    List<String> shape = new ArrayList<>();
    for (List<Piece> token : tokens) {
      shape.add(token.stream().anyMatch(Piece::variable) ? "*" : fill(token, v -> v));
    }
    return shape;
  }

  /** The pattern for this identity, or empty when a variable has no single-token value. */
  Optional<SubjectPattern> resolve(Identity identity) {
    return resolveWith(v -> value(identity, v));
  }

  /**
   * The pattern for this identity where a variable without a single-token value becomes {@code *}:
   * used for deny rules, so a missing or hostile claim makes a deny wider, never narrower.
   */
  Optional<SubjectPattern> resolveFailClosed(Identity identity) {
    if (fixed != null) {
      return Optional.of(fixed);
    }
    List<String> parts = new ArrayList<>();
    for (List<Piece> token : tokens) {
      String t = fill(token, v -> value(identity, v));
      parts.add(t == null ? "*" : t);
    }
    return pattern(String.join(".", parts));
  }

  private Optional<SubjectPattern> resolveWith(java.util.function.Function<String, String> values) {
    if (fixed != null) {
      return Optional.of(fixed);
    }
    List<String> parts = new ArrayList<>();
    for (List<Piece> token : tokens) {
      String t = fill(token, values);
      if (t == null) {
        return Optional.empty();
      }
      parts.add(t);
    }
    return pattern(String.join(".", parts));
  }

  private static String fill(
      List<Piece> token, java.util.function.Function<String, String> values) {
    StringBuilder sb = new StringBuilder();
    for (Piece p : token) {
      String v = p.variable() ? values.apply(p.text()) : p.text();
      if (v == null || p.variable() && !isSingleToken(v)) {
        return null;
      }
      sb.append(v);
    }
    return sb.toString();
  }

  static boolean isSingleToken(String v) {
    if (v.isEmpty()) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '.'
          || c == '*'
          || c == '>'
          || c == '{'
          || c == '}'
          || Character.isWhitespace(c)
          || Character.isISOControl(c)
          || Character.isSpaceChar(c)) {
        return false;
      }
    }
    return true;
  }

  private static String value(Identity identity, String variable) {
    if (variable.equals("identity.id")) {
      return identity.id();
    }
    if (variable.equals("identity.type")) {
      return identity.type();
    }
    Object v = Claims.lookup(identity.claims(), variable.substring("claims.".length()));
    return v instanceof String || v instanceof Integer || v instanceof Long ? v.toString() : null;
  }

  private static Optional<SubjectPattern> pattern(String value) {
    try {
      return Optional.of(SubjectPattern.of(value));
    } catch (InvalidSubjectException e) {
      return Optional.empty();
    }
  }

  private static boolean hasVariables(List<List<Piece>> tokens) {
    return tokens.stream().flatMap(List::stream).anyMatch(Piece::variable);
  }

  /** Splits template text into tokens on dots outside braces. */
  private static final class TemplateParser {
    static List<List<Piece>> tokens(String text) {
      List<List<Piece>> tokens = new ArrayList<>();
      List<Piece> token = new ArrayList<>();
      StringBuilder literal = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '{') {
          int end = text.indexOf('}', i);
          if (end < 0) {
            throw new IllegalArgumentException("'{' at position " + i + " is never closed");
          }
          flush(literal, token);
          token.add(new Piece(text.substring(i + 1, end), true));
          i = end;
        } else if (c == '}') {
          throw new IllegalArgumentException("'}' at position " + i + " has no opening '{'");
        } else if (c == '.') {
          flush(literal, token);
          tokens.add(List.copyOf(token));
          token.clear();
        } else {
          literal.append(c);
        }
      }
      flush(literal, token);
      tokens.add(List.copyOf(token));
      return List.copyOf(tokens);
    }

    private static void flush(StringBuilder literal, List<Piece> token) {
      if (!literal.isEmpty()) {
        token.add(new Piece(literal.toString(), false));
        literal.setLength(0);
      }
    }
  }

  /** Claim lookup by dotted path into nested objects. */
  static final class Claims {
    private Claims() {}

    static Object lookup(Map<String, Object> claims, String path) {
      Object direct = claims.get(path);
      if (direct != null) {
        return direct;
      }
      Object value = claims;
      for (String step : path.split("\\.")) {
        value = value instanceof Map<?, ?> m ? m.get(step) : null;
      }
      return value;
    }
  }
}
