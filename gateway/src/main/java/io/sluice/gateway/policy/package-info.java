/**
 * What a verified caller may do: roles of allow and deny rules over subject patterns, bound to
 * identities, decided per request by a {@link io.sluice.gateway.policy.PolicyEngine}.
 *
 * <p>{@link io.sluice.gateway.policy.Policies#fromConfig} reads the {@code policy} section: either
 * {@code {file: policy.yaml}} (polled about once a second and reloaded on change; a file that does
 * not compile keeps the previous policy and is reported through {@link
 * io.sluice.gateway.policy.PolicySource#onReloadFailure} and the log) or the same document inline:
 *
 * <pre>{@code
 * roles:
 *   tenant-writer:
 *     allow:
 *       - actions: [publish, request]          # publish | subscribe | request | admin
 *         subjects: ["tenants.{claims.tenant}.>", "users.{identity.id}.inbox"]
 *       - actions: [subscribe]
 *         subjects: ["tenants.{claims.tenant}.events.*"]
 *     deny:
 *       - actions: [publish]
 *         subjects: ["tenants.*.audit.>"]
 * bindings:                                    # each: role or roles, and exactly one selector
 *   - {role: tenant-writer, claim: {name: scope, value: write}}   # equal, or held by a list claim
 *   - {role: tenant-writer, group: writers}
 *   - {roles: [tenant-writer], apiKey: ci-bot}
 *   - {role: tenant-writer, certificate: svc-a}                   # mapped id or full DN
 *   - {role: tenant-writer, subject: alice}                       # a token's sub
 *   - {role: reader, anyAuthenticated: true}
 * }</pre>
 *
 * <p>Decisions: a deny rule of any bound role wins; otherwise an allow rule of any bound role
 * allows; otherwise the rule is {@code default-deny}. Publish and admin match the target subject.
 * Subscribe takes a pattern (so may request: a proxy route's fixed action): it is allowed only when
 * one allow pattern contains it (every subject it can match is matched by that pattern; {@code
 * orders.*} is within {@code orders.>}, not the reverse) and denied when it overlaps any deny
 * pattern ({@link io.sluice.gateway.policy.PatternAlgebra}). Containment in a single allow pattern
 * is stricter than containment in the union of several; it never allows more.
 *
 * <p>Subjects of proxied requests may be written in the {@code http:} shorthand ({@code http:GET
 * /orders/*} for {@code http.GET.orders.*}; see {@link io.sluice.gateway.policy.HttpAction}).
 *
 * <p>Each role's rule lists are indexed by subject token ({@code RuleIndex}), so a decision on one
 * subject looks only at the rules that may match it, in list order; subscribe scans every rule.
 *
 * <p>Templates: {@code {identity.id}}, {@code {identity.type}} and {@code {claims.<name>}} fill
 * from the caller. A value fills a variable only when it is one valid token (no {@code .}, {@code
 * *}, {@code >}, whitespace or control characters). Otherwise an allow pattern does not match, and
 * a deny pattern treats that token as {@code *}: hostile or missing claims never widen access.
 *
 * <p>The version of a policy is the first 12 hex digits of the SHA-256 of its content; every {@link
 * io.sluice.gateway.policy.Decision} carries it, and {@link
 * io.sluice.gateway.policy.PolicySource#explain} lists each bound role's verdict and rule.
 */
package io.sluice.gateway.policy;
