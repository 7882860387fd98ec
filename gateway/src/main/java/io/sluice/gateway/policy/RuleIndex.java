package io.sluice.gateway.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of one list (a role's allow or deny rules) in a token tree of their subject templates,
 * so a decision on a subject looks only at rules that may match it instead of every rule. A token
 * that holds a variable is filed as {@code *}: a variable fills exactly one token, so the tree
 * finds a superset of the rules that apply, in list order, and {@link Rule#match} still decides
 * each candidate exactly as a scan of the whole list would.
 */
final class RuleIndex {
  private final List<Rule> rules;
  private final Node root = new Node();

  private RuleIndex(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    for (int i = 0; i < this.rules.size(); i++) {
      for (SubjectTemplate template : this.rules.get(i).subjects()) {
        root.add(template.shape(), 0, i);
      }
    }
  }

  static RuleIndex of(List<Rule> rules) {
    return new RuleIndex(rules);
  }

  /** Every rule, in list order. */
  List<Rule> all() {
    return rules;
  }

  /** The rules with a subject template that may match {@code subject}, in list order. */
  List<Rule> candidates(String subject) {
    List<Integer> found = new ArrayList<>();
    root.collect(subject.split("\\.", -1), 0, found);
    if (found.size() == 1) {
      return List.of(rules.get(found.get(0)));
    }
    return found.stream().sorted().distinct().map(rules::get).toList();
  }

  /**
   * One token position: literal children, a {@code *} child, and rules that end or take the rest.
   */
  private static final class Node {
    private final Map<String, Node> literals = new HashMap<>();
    private Node anyToken;
    private final List<Integer> endHere = new ArrayList<>();
    private final List<Integer> restHere = new ArrayList<>();

    void add(List<String> tokens, int at, int rule) {
      if (at == tokens.size()) {
        endHere.add(rule);
        return;
      }
      String token = tokens.get(at);
      if (token.equals(">")) {
        restHere.add(rule);
      } else if (token.equals("*")) {
        anyToken = anyToken == null ? new Node() : anyToken;
        anyToken.add(tokens, at + 1, rule);
      } else {
        literals.computeIfAbsent(token, t -> new Node()).add(tokens, at + 1, rule);
      }
    }

    void collect(String[] subject, int at, List<Integer> found) {
      if (at == subject.length) {
        found.addAll(endHere);
        return;
      }
      found.addAll(restHere);
      Node literal = literals.get(subject[at]);
      if (literal != null) {
        literal.collect(subject, at + 1, found);
      }
      if (anyToken != null) {
        anyToken.collect(subject, at + 1, found);
      }
    }
  }
}
