package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.policy.HttpAction;
import io.sluice.subject.SubjectPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks the {@code http:} shorthand against a reference model that is obviously right: an action
 * covers a request when the method is equal (or the action's is {@code *}) and the path segments
 * match one by one ({@code *} one segment, {@code >} the rest, at least one). Every build runs
 * fresh generated cases; a failure prints the seed.
 */
class HttpActionPropertyTest {
  private static final int CASES = 20_000;
  private static final String[] METHODS = {"GET", "POST", "DELETE", "PATCH"};
  private static final String[] SEGMENTS = {"orders", "42", "a-b", "x_1", "~u"};

  @Test
  void shorthand_coversExactlyTheRequestsTheReferenceModelSays() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int covered = 0;
    for (int i = 0; i < CASES; i++) {
      Action action = randomAction(random);
      boolean sameMethod = random.nextInt(3) == 0 && !action.method().equals("*");
      String method = sameMethod ? action.method() : pick(METHODS, random);
      List<String> path = random.nextInt(3) == 0 ? instanceOf(action, random) : randomPath(random);
      String requestPath = "/" + String.join("/", path);
      boolean expected = action.covers(method, path);

      SubjectPattern pattern = SubjectPattern.of(HttpAction.toPattern(action.text()));
      Optional<String> subject = PolicySubject.of(method, requestPath);
      assertThat(subject.map(pattern::matches))
          .as("seed %d: %s vs %s %s", seed, action.text(), method, requestPath)
          .hasValue(expected);
      covered += expected ? 1 : 0;
    }
    assertThat(covered)
        .as("generator must cover requests too (seed %d)", seed)
        .isGreaterThan(CASES / 10);
  }

  @Test
  void shorthand_mapsTokenByToken() {
    assertThat(HttpAction.toPattern("http:GET /orders/*")).isEqualTo("http.GET.orders.*");
    assertThat(HttpAction.toPattern("http:* /billing/>")).isEqualTo("http.*.billing.>");
    assertThat(HttpAction.toPattern("http:DELETE /")).isEqualTo("http.DELETE");
    assertThat(HttpAction.toPattern("http:POST />")).isEqualTo("http.POST.>");
  }

  @Test
  void malformedShorthand_isRejected_onGeneratedCases() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < CASES / 4; i++) {
      String broken = breakAction(randomAction(random).text(), random);
      assertThatThrownBy(() -> HttpAction.toPattern(broken))
          .as("seed %d: '%s'", seed, broken)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + broken + "'");
    }
  }

  /** An action as the reference model sees it: a method (or *) and segments. */
  private record Action(String method, List<String> segments) {
    String text() {
      return "http:" + method + " /" + String.join("/", segments);
    }

    boolean covers(String requestMethod, List<String> path) {
      if (!method.equals("*") && !method.equals(requestMethod)) {
        return false;
      }
      for (int i = 0; i < segments.size(); i++) {
        if (segments.get(i).equals(">")) {
          return path.size() > i;
        }
        if (i >= path.size()
            || !(segments.get(i).equals("*") || segments.get(i).equals(path.get(i)))) {
          return false;
        }
      }
      return segments.size() == path.size();
    }
  }

  private static Action randomAction(Random random) {
    String method = random.nextInt(5) == 0 ? "*" : pick(METHODS, random);
    int n = random.nextInt(5);
    List<String> segments = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int roll = random.nextInt(10);
      segments.add(roll == 0 && i == n - 1 ? ">" : roll < 3 ? "*" : pick(SEGMENTS, random));
    }
    return new Action(method, segments);
  }

  private static List<String> randomPath(Random random) {
    int n = random.nextInt(5);
    List<String> path = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      path.add(pick(SEGMENTS, random));
    }
    return path;
  }

  /** A path the action covers, built by filling its wildcards. */
  private static List<String> instanceOf(Action action, Random random) {
    List<String> out = new ArrayList<>();
    for (String s : action.segments()) {
      if (s.equals(">")) {
        out.addAll(randomPath(random));
        out.add(pick(SEGMENTS, random));
      } else {
        out.add(s.equals("*") ? pick(SEGMENTS, random) : s);
      }
    }
    return out;
  }

  private static String breakAction(String action, Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> action.replace(" ", "");
      case 1 -> action.replace(" ", "  ");
      case 2 -> action.replace("http:", "http:" + "get".substring(0, 1 + random.nextInt(3)) + "x");
      case 3 -> action.endsWith("/") ? action + "/" : action + "/";
      case 4 -> action.replace(" /", " /a//");
      case 5 -> action.replace(" /", " />/");
      case 6 -> action.replace(" /", " /a.b/");
      case 7 -> action.replace(" /", " ");
      default -> action.replace(" /", " /**/");
    };
  }

  private static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}
