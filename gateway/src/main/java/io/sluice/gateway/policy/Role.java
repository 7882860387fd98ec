package io.sluice.gateway.policy;

import java.util.List;

/** A named set of allow and deny rules. */
record Role(String name, List<Rule> allow, List<Rule> deny) {
  Role {
    allow = List.copyOf(allow);
    deny = List.copyOf(deny);
  }
}
