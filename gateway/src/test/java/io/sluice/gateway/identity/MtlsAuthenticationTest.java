package io.sluice.gateway.identity;

import static io.sluice.gateway.identity.Tokens.accepted;
import static io.sluice.gateway.identity.Tokens.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Client certificates made by the JDK's keytool, mapped to ids by each configured source. */
class MtlsAuthenticationTest {
  private static X509Certificate withSans;
  private static X509Certificate plain;

  @TempDir static Path dir;

  @BeforeAll
  static void certificates() throws Exception {
    withSans =
        certificate(
            "svc",
            "CN=orders-service,OU=Platform,O=Sluice",
            "dns:orders.internal,uri:spiffe://sluice/orders");
    plain = certificate("plain", "O=Sluice,OU=NoCommonName", null);
  }

  @ParameterizedTest
  @CsvSource({
    "cn, orders-service",
    "san-dns, orders.internal",
    "san-uri, spiffe://sluice/orders",
    "dn, 'CN=orders-service,OU=Platform,O=Sluice'"
  })
  void certificate_isNamedByTheConfiguredSource(String subjectFrom, String expectedId) {
    Identity identity = accepted(authenticator(subjectFrom), chain(withSans));

    assertThat(identity.type()).isEqualTo("mtls");
    assertThat(identity.id()).isEqualTo(expectedId);
    assertThat(identity.claims())
        .containsEntry("certificateSubject", "CN=orders-service,OU=Platform,O=Sluice");
    assertThat(identity.expiresAtEpochSecond())
        .isEqualTo(withSans.getNotAfter().toInstant().getEpochSecond());
  }

  @Test
  void certificateWithoutTheConfiguredName_isRejected() {
    assertThat(rejected(authenticator("cn"), chain(plain)).rule())
        .isEqualTo("certificate-subject-missing");
    assertThat(rejected(authenticator("san-dns"), chain(plain)).rule())
        .isEqualTo("certificate-subject-missing");
  }

  @Test
  void bearerToken_winsOverAClientCertificate() {
    Credentials both =
        new Credentials(Optional.of("Bearer a.b.c"), Optional.empty(), List.of(withSans));

    assertThat(rejected(authenticator("cn"), both).rule()).isEqualTo("method-not-configured");
  }

  private static Credentials chain(X509Certificate cert) {
    return new Credentials(Optional.empty(), Optional.empty(), List.of(cert));
  }

  private static Authenticator authenticator(String subjectFrom) {
    List<String> problems = new ArrayList<>();
    Authenticator a =
        Authenticators.fromConfig(Map.of("mtls", Map.of("subjectFrom", subjectFrom)), problems);
    assertThat(problems).isEmpty();
    return a;
  }

  private static X509Certificate certificate(String alias, String dn, String san) throws Exception {
    Path store = dir.resolve(alias + ".p12");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                dn,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit"));
    if (san != null) {
      command.addAll(List.of("-ext", "san=" + san));
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("keytool finishes").isTrue();
    assertThat(p.exitValue())
        .as("keytool output: %s", new String(p.getInputStream().readAllBytes()))
        .isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    return (X509Certificate) ks.getCertificate(alias);
  }
}
