package io.sluice.benchmarks.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes fresh credentials into a directory: {@code jwks.json} (public RS256 and ES256 keys), the
 * tokens {@code rs256.jwt} and {@code es256.jwt} (subject {@code bench-client}, valid two hours),
 * the RSA public key alone as {@code rs256-public.pem} (for peers that take a PEM, such as
 * HAProxy's {@code jwt_verify}), and an API key {@code api-key.txt} with its {@code api-key.hash}
 * ({@code sha256:<hex>}).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.sluice.benchmarks.gateway.BenchCredentials \
 *   DIR https://bench.sluice.test sluice</pre>
 */
public final class BenchCredentials {
  private static final Duration VALIDITY = Duration.ofHours(2);

  private BenchCredentials() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: BenchCredentials <dir> <issuer> <audience>");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("rs-1").keyUse(KeyUse.SIGNATURE).generate();
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("es-1").keyUse(KeyUse.SIGNATURE).generate();
    JWTClaimsSet claims = claims(args[1], args[2]);
    Files.writeString(
        dir.resolve("jwks.json"),
        new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
    Files.writeString(
        dir.resolve("rs256.jwt"), sign(JWSAlgorithm.RS256, "rs-1", new RSASSASigner(rsa), claims));
    Files.writeString(
        dir.resolve("es256.jwt"), sign(JWSAlgorithm.ES256, "es-1", new ECDSASigner(ec), claims));
    Files.writeString(dir.resolve("rs256-public.pem"), publicKeyPem(rsa));
    writeApiKey(dir);
  }

  private static JWTClaimsSet claims(String issuer, String audience) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject("bench-client")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(VALIDITY)))
        .build();
  }

  private static String sign(JWSAlgorithm alg, String kid, JWSSigner signer, JWTClaimsSet claims)
      throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static String publicKeyPem(RSAKey rsa) throws JOSEException {
    Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    String body = pem.encodeToString(rsa.toRSAPublicKey().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  private static void writeApiKey(Path dir) throws IOException, NoSuchAlgorithmException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String key = "sk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("api-key.txt"), key);
    Files.writeString(dir.resolve("api-key.hash"), "sha256:" + HexFormat.of().formatHex(digest));
  }
}
