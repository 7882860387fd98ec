package io.sluice.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice token}: mint a signed JWT from a private key file, or create such a key file. The
 * development token of a running gateway is signed by a key that lives only in that process; it is
 * printed by {@code sluice serve}.
 */
@Command(
    name = "token",
    description = {
      "Mint a signed JWT for testing from a private key file (--key-file),",
      "or create a key file and its public JWKS (--new-key).",
      "Without either, explain where development tokens come from."
    })
final class TokenCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--subject", description = "The token's sub claim")
  String subject;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description = "Private EC P-256 JWK (JSON) to sign with")
  Path keyFile;

  @Option(
      names = "--new-key",
      paramLabel = "FILE",
      description = "Create a private key file; print the public JWKS")
  Path newKey;

  @Option(
      names = "--issuer",
      defaultValue = "sluice-local",
      description = "iss claim (default: ${DEFAULT-VALUE})")
  String issuer;

  @Option(
      names = "--audience",
      defaultValue = "sluice",
      description = "aud claim (default: ${DEFAULT-VALUE})")
  String audience;

  @Option(
      names = "--ttl",
      defaultValue = "PT1H",
      description = "Validity as ISO-8601 duration (default: ${DEFAULT-VALUE})")
  Duration ttl;

  @Option(names = "--claim", paramLabel = "NAME=VALUE", description = "Extra claim; repeatable")
  Map<String, String> claims = new LinkedHashMap<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (newKey != null) {
      return createKey(out);
    }
    if (keyFile == null) {
      out.println(
          """
          Development tokens are signed by a key that exists only inside a running gateway:
          `sluice serve` without an identity section prints one (SLUICE_TOKEN=...).

          To mint your own tokens for testing:
            sluice token --new-key dev-key.json > jwks.json
            (configure identity.jwt with issuer sluice-local, audience sluice and jwks.json)
            sluice token --key-file dev-key.json --subject alice --claim tenant=acme""");
      return 0;
    }
    if (subject == null || subject.isBlank()) {
      spec.commandLine().getErr().println("sluice token: --subject is required with --key-file");
      return 2;
    }
    out.println(mint(readKey(keyFile)));
    return 0;
  }

  private int createKey(PrintWriter out) throws IOException {
    if (Files.exists(newKey)) {
      spec.commandLine().getErr().println("sluice token: " + newKey + " exists; not overwriting");
      return 2;
    }
    ECKey key = generate();
    Files.writeString(newKey, key.toJSONString());
    try {
      Files.setPosixFilePermissions(newKey, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the file keeps the default permissions
    }
    out.println(new JWKSet(key.toPublicJWK()).toString());
    return 0;
  }

  private static ECKey generate() {
    try {
      return new ECKeyGenerator(Curve.P_256)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.ES256)
          .keyID("local-" + UUID.randomUUID().toString().substring(0, 8))
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a P-256 key on this JDK", e);
    }
  }

  private static ECKey readKey(Path file) throws IOException {
    try {
      JWK jwk = JWK.parse(Files.readString(file));
      if (!(jwk instanceof ECKey ec) || !ec.isPrivate()) {
        throw new CommandLine.ParameterException(
            new CommandLine(new TokenCommand()), file + " is not a private EC key (JWK)");
      }
      return ec;
    } catch (ParseException e) {
      throw new CommandLine.ParameterException(
          new CommandLine(new TokenCommand()), file + " is not a JWK: " + e.getMessage());
    }
  }

  private String mint(ECKey key) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
    claims.forEach(b::claim);
    b.issuer(issuer)
        .audience(audience)
        .subject(subject)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)))
        .jwtID(UUID.randomUUID().toString());
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT jwt = new SignedJWT(header, b.build());
    try {
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with " + keyFile, e);
    }
  }
}
