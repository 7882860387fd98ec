package io.sluice.benchmarks.components;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.sluice.gateway.identity.Authenticator;
import io.sluice.gateway.identity.Credentials;
import io.sluice.gateway.identity.Identity;
import java.io.IOException;
import java.text.ParseException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bearer token verification through the gateway's authenticator ({@code Authenticators.fromConfig}
 * with a {@code jwksFile}), cold and cached, for RS256 and ES256.
 *
 * <p>Cold: the authenticator remembers one token and each operation presents the next of 16
 * distinct tokens, so every one misses the cache and runs the whole path (checks, cache miss, key
 * selection, signature, claims, cache insert). Baseline: Nimbus parsing the same token, verifying
 * it with a verifier built once, and reading its claims. Cached: one token already verified, each
 * operation presents it again. Baseline: the bearer token cut from the header and looked up in a
 * {@code ConcurrentHashMap}. The gateway accepts only asymmetric algorithms, so HS256 appears only
 * as Nimbus verifying an HS256 token: the yardstick of issue 10's scenario 4 (cached RS256 and
 * ES256 at least 0.95 of HS256).
 *
 * <p>Run from the repository root with the other component benchmarks: {@code bench/run
 * components}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TokenVerificationBenchmark {
  private static final int TOKENS = 16;

  /** Tokens of one asymmetric algorithm and the gateway paths that verify them. */
  @State(Scope.Benchmark)
  public static class Signed {
    @Param({"RS256", "ES256"})
    public String algorithm;

    TokenFixture fixture;
    Authenticator cold;
    Authenticator cached;
    Credentials[] presented;
    String[] tokens;
    JWSVerifier verifier;
    int next;

    @Setup(Level.Trial)
    public void prepare() throws JOSEException, IOException {
      fixture = new TokenFixture();
      tokens = fixture.tokens(algorithm, TOKENS);
      presented = new Credentials[TOKENS];
      for (int i = 0; i < TOKENS; i++) {
        presented[i] = TokenFixture.bearer(tokens[i]);
      }
      verifier = fixture.verifier(algorithm);
      cold = fixture.authenticator(1);
      cached = fixture.authenticator(1_000);
      TokenFixture.authenticate(cold, presented[0]);
      TokenFixture.authenticate(cached, presented[0]);
    }

    int nextIndex() {
      next = (next + 1) & (TOKENS - 1);
      return next;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      fixture.close();
    }
  }

  /** An HS256 token for the Nimbus yardstick, and a map of one verified token for the floor. */
  @State(Scope.Benchmark)
  public static class Reference {
    TokenFixture fixture;
    String hs256;
    JWSVerifier hmac;
    String authorization;
    ConcurrentHashMap<String, Identity> verified;

    @Setup(Level.Trial)
    public void prepare() throws JOSEException, IOException {
      fixture = new TokenFixture();
      hs256 = fixture.tokens("HS256", 1)[0];
      hmac = fixture.verifier("HS256");
      String token = fixture.tokens("ES256", 1)[0];
      authorization = "Bearer " + token;
      verified = new ConcurrentHashMap<>();
      Authenticator gateway = fixture.authenticator(1_000);
      verified.put(token, TokenFixture.authenticate(gateway, TokenFixture.bearer(token)));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      fixture.close();
    }
  }

  @Benchmark
  public Identity gatewayCold(Signed s) {
    return TokenFixture.authenticate(s.cold, s.presented[s.nextIndex()]);
  }

  @Benchmark
  public JWTClaimsSet baselineNimbusCold(Signed s) throws ParseException, JOSEException {
    return nimbus(s.tokens[s.nextIndex()], s.verifier);
  }

  @Benchmark
  public Identity gatewayCached(Signed s) {
    return TokenFixture.authenticate(s.cached, s.presented[0]);
  }

  @Benchmark
  public Identity baselineMapLookup(Reference r) {
    return r.verified.get(r.authorization.substring("Bearer ".length()));
  }

  @Benchmark
  public JWTClaimsSet referenceNimbusHs256(Reference r) throws ParseException, JOSEException {
    return nimbus(r.hs256, r.hmac);
  }

  private static JWTClaimsSet nimbus(String token, JWSVerifier verifier)
      throws ParseException, JOSEException {
    SignedJWT jwt = SignedJWT.parse(token);
    if (!jwt.verify(verifier)) {
      throw new IllegalStateException("the benchmark token does not verify");
    }
    return jwt.getJWTClaimsSet();
  }
}
