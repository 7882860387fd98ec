/**
 * Who is calling: bearer tokens (JWT), API keys and client certificates turned into a verified
 * {@link io.sluice.gateway.identity.Identity}.
 *
 * <p>{@link io.sluice.gateway.identity.Authenticators#fromConfig} reads the {@code identity}
 * section of the configuration. Several methods may be configured at once; the request's
 * credentials pick one ({@code Authorization: Bearer} → jwt, {@code X-API-Key} → apiKeys, a client
 * certificate → mtls), and a request with none fails with rule {@code missing}:
 *
 * <pre>{@code
 * identity:
 *   jwt:
 *     issuer: https://login.example.com/realms/acme   # exact iss; an https or http URL
 *     audience: sluice                                 # a string or a list; aud must hold one
 *     jwksFile: keys.json     # exactly one of jwksFile, jwksUrl, discovery
 *     # jwksUrl: https://login.example.com/certs
 *     # discovery: true       # issuer + /.well-known/openid-configuration (or that document's URL)
 *     algorithms: [RS256, ES256]    # asymmetric only; default RS256 and ES256
 *     clockSkew: 30s                # tolerance for exp and nbf
 *     groupsClaim: groups           # dotted path for nested claims, e.g. realm_access.roles
 *     maxTokenBytes: 8192
 *     jwksRefetchInterval: 30s      # at most one key refetch per interval for an unknown kid
 *     cache: {maxEntries: 10000}    # verified tokens remembered until exp; enabled: false = off
 *   apiKeys:
 *     - {id: ci-bot, hash: "sha256:<64 hex digits>", roles: [publisher], groups: [ci]}
 *   mtls:
 *     subjectFrom: cn               # cn | san-dns | san-uri | dn
 * }</pre>
 *
 * <p>Tokens are checked cheapest first: size, three base64url parts, the algorithm allow-list
 * ({@code none} and HMAC are never accepted), unsupported {@code crit} headers, then the cache of
 * tokens already verified, then the key (by {@code kid}, {@code alg}, key type; {@code use: enc}
 * keys are skipped), the signature, and {@code iss}, {@code aud}, {@code exp}, {@code nbf}, {@code
 * sub}. An unknown {@code kid} refetches the key set (rate-limited) so key rotation needs no
 * restart; key fetches run on the HTTP client's threads, never the caller's.
 *
 * <p>Failures are {@link io.sluice.gateway.identity.AuthenticationException}s whose rule is one of
 * {@code missing}, {@code unsupported-scheme}, {@code method-not-configured}, {@code oversized},
 * {@code malformed}, {@code alg-not-allowed}, {@code unsupported-crit}, {@code unknown-kid}, {@code
 * keys-unavailable}, {@code bad-signature}, {@code wrong-issuer}, {@code wrong-audience}, {@code
 * expired}, {@code not-yet-valid}, {@code missing-claim}, {@code unknown-api-key} or {@code
 * certificate-subject-missing}; messages never echo a credential.
 *
 * <p>API keys are stored only as {@code sha256:<hex>} ({@link io.sluice.gateway.identity.ApiKeys})
 * and compared in constant time; an API key identity carries its {@code roles} as the claim {@code
 * roles}. A certificate identity carries the full subject DN as the claim {@code
 * certificateSubject}. {@link io.sluice.gateway.identity.DevelopmentIdentity} mints and verifies
 * ES256 tokens from an ephemeral key for development mode and tests.
 */
package io.sluice.gateway.identity;
