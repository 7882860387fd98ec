package io.sluice.gateway.policy;

import io.sluice.gateway.identity.Identity;
import java.util.Collection;
import java.util.List;

/**
 * Gives roles to the identities a selector picks.
 *
 * @param index position in the {@code bindings} list, for explanations
 */
record Binding(int index, List<String> roles, Selector selector) {
  Binding {
    roles = List.copyOf(roles);
  }

  String describe() {
    return "bindings[" + index + "]: " + selector.describe();
  }

  /** Which identities a binding applies to. */
  sealed interface Selector {
    boolean matches(Identity identity);

    String describe();
  }

  /** A claim equal to the value, or a list claim holding it. */
  record ClaimEquals(String claim, String value) implements Selector {
    @Override
    public boolean matches(Identity identity) {
      Object v = SubjectTemplate.Claims.lookup(identity.claims(), claim);
      if (v instanceof Collection<?> c) {
        return c.stream().anyMatch(e -> value.equals(String.valueOf(e)));
      }
      return v != null && value.equals(String.valueOf(v));
    }

    @Override
    public String describe() {
      return "claim " + claim + "=" + value;
    }
  }

  record InGroup(String group) implements Selector {
    @Override
    public boolean matches(Identity identity) {
      return identity.groups().contains(group);
    }

    @Override
    public String describe() {
      return "group " + group;
    }
  }

  record ApiKey(String id) implements Selector {
    @Override
    public boolean matches(Identity identity) {
      return identity.type().equals("apikey") && identity.id().equals(id);
    }

    @Override
    public String describe() {
      return "apiKey " + id;
    }
  }

  /** The mapped certificate id (CN, SAN) or the full subject DN. */
  record Certificate(String subject) implements Selector {
    @Override
    public boolean matches(Identity identity) {
      return identity.type().equals("mtls")
          && (identity.id().equals(subject)
              || subject.equals(identity.claims().get("certificateSubject")));
    }

    @Override
    public String describe() {
      return "certificate " + subject;
    }
  }

  /** A token subject ({@code sub}). */
  record TokenSubject(String subject) implements Selector {
    @Override
    public boolean matches(Identity identity) {
      return (identity.type().equals("jwt") || identity.type().equals("dev"))
          && identity.id().equals(subject);
    }

    @Override
    public String describe() {
      return "subject " + subject;
    }
  }

  record AnyAuthenticated() implements Selector {
    @Override
    public boolean matches(Identity identity) {
      return true;
    }

    @Override
    public String describe() {
      return "any authenticated";
    }
  }
}
