package io.sluice.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test certificate authority made with the JDK's own {@code keytool}: it issues leaf certificates
 * for 127.0.0.1 and writes them, with their keys, as PEM files.
 */
final class TestCertificates {
  private static final String PASS = "changeit";
  private final Path dir;
  private final Path caStore;

  private TestCertificates(Path dir) {
    this.dir = dir;
    this.caStore = dir.resolve("ca.p12");
  }

  /** A new CA in {@code dir}; its certificate is {@link #caFile()}. */
  static TestCertificates authority(Path dir) {
    TestCertificates ca = new TestCertificates(dir);
    ca.keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=test-ca",
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        ca.caStore.toString());
    ca.keytool(
        "-exportcert",
        "-alias",
        "ca",
        "-rfc",
        "-keystore",
        ca.caStore.toString(),
        "-file",
        ca.caFile().toString());
    return ca;
  }

  Path caFile() {
    return dir.resolve("ca.pem");
  }

  /**
   * Issues a certificate for {@code name} (valid for IP 127.0.0.1) and moves it and its key into
   * {@code certFile} and {@code keyFile}, the key first.
   */
  void issue(String name, Path certFile, Path keyFile) {
    Path store = dir.resolve(name + ".p12");
    Path csr = dir.resolve(name + ".csr");
    Path crt = dir.resolve(name + ".crt");
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=" + name,
        "-keystore",
        store.toString());
    keytool("-certreq", "-alias", name, "-keystore", store.toString(), "-file", csr.toString());
    keytool(
        "-gencert",
        "-alias",
        "ca",
        "-keystore",
        caStore.toString(),
        "-infile",
        csr.toString(),
        "-outfile",
        crt.toString(),
        "-rfc",
        "-ext",
        "SAN=ip:127.0.0.1",
        "-validity",
        "2");
    Path key = dir.resolve(name + ".key.tmp");
    try {
      Files.writeString(key, pem(privateKey(store, name)));
      Files.move(key, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.move(
          crt, certFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalStateException("could not write the PEM files of " + name, e);
    }
  }

  private static PrivateKey privateKey(Path store, String alias) {
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, PASS.toCharArray());
      return (PrivateKey) ks.getKey(alias, PASS.toCharArray());
    } catch (Exception e) {
      throw new IllegalStateException("could not read the key of " + alias, e);
    }
  }

  private static String pem(PrivateKey key) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  private void keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(
        List.of("-storepass", PASS, "-keypass", PASS, "-storetype", "PKCS12", "-noprompt"));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "keytool is missing from " + System.getProperty("java.home"), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
