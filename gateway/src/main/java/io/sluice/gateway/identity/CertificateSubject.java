package io.sluice.gateway.identity;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/** Which part of a verified client certificate names the caller. */
enum CertificateSubject {
  CN("cn"),
  SAN_DNS("san-dns"),
  SAN_URI("san-uri"),
  DN("dn");

  private static final int SAN_DNS_TYPE = 2;
  private static final int SAN_URI_TYPE = 6;

  private final String configName;

  CertificateSubject(String configName) {
    this.configName = configName;
  }

  static Optional<CertificateSubject> fromConfig(String name) {
    for (CertificateSubject s : values()) {
      if (s.configName.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  static String configNames() {
    return "cn, san-dns, san-uri or dn";
  }

  Optional<String> extract(X509Certificate cert) {
    return switch (this) {
      case DN -> Optional.of(distinguishedName(cert));
      case CN -> commonName(distinguishedName(cert));
      case SAN_DNS -> alternativeName(cert, SAN_DNS_TYPE);
      case SAN_URI -> alternativeName(cert, SAN_URI_TYPE);
    };
  }

  static String distinguishedName(X509Certificate cert) {
    return cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
  }

  private static Optional<String> commonName(String dn) {
    try {
      List<Rdn> rdns = new LdapName(dn).getRdns();
      for (int i = rdns.size() - 1; i >= 0; i--) {
        if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
          return Optional.of(String.valueOf(rdns.get(i).getValue()));
        }
      }
      return Optional.empty();
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> alternativeName(X509Certificate cert, int type) {
    try {
      Collection<List<?>> names = cert.getSubjectAlternativeNames();
      if (names == null) {
        return Optional.empty();
      }
      return names.stream()
          .filter(n -> n.size() >= 2 && Integer.valueOf(type).equals(n.get(0)))
          .map(n -> String.valueOf(n.get(1)))
          .findFirst();
    } catch (CertificateParsingException e) {
      return Optional.empty();
    }
  }
}
