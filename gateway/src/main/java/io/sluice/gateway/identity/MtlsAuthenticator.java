package io.sluice.gateway.identity;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Names the caller after its client certificate. The TLS layer has already verified the chain; this
 * only maps the leaf certificate's subject or a subject alternative name to an id.
 */
final class MtlsAuthenticator {
  private final CertificateSubject subjectFrom;

  MtlsAuthenticator(CertificateSubject subjectFrom) {
    this.subjectFrom = subjectFrom;
  }

  CompletionStage<Identity> authenticate(List<X509Certificate> chain) {
    X509Certificate leaf = chain.get(0);
    return subjectFrom
        .extract(leaf)
        .map(id -> CompletableFuture.completedFuture(identityOf(id, leaf)))
        .orElseGet(
            () ->
                CompletableFuture.failedFuture(
                    new AuthenticationException(
                        "certificate-subject-missing",
                        "the client certificate has no " + subjectFrom.name().toLowerCase())));
  }

  private static Identity identityOf(String id, X509Certificate leaf) {
    Map<String, Object> claims =
        Map.of("certificateSubject", CertificateSubject.distinguishedName(leaf));
    long notAfter = leaf.getNotAfter().toInstant().getEpochSecond();
    return new Identity("mtls", id, "sluice", claims, Set.of(), notAfter);
  }
}
