package io.sluice.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;

/**
 * Chooses the keys of a JWKS that may have signed a token: same {@code kid} when the token names
 * one, not an encryption key, same {@code alg} when the key names one, and a key type that fits the
 * algorithm (RSA for RS and PS, EC for ES), so an HMAC or cross-family trick finds no key.
 */
final class SigningKeys {
  private SigningKeys() {}

  static List<JWK> candidates(JWKSet set, JWSHeader header) {
    String kid = header.getKeyID();
    JWSAlgorithm alg = header.getAlgorithm();
    return set.getKeys().stream()
        .filter(k -> kid == null || kid.equals(k.getKeyID()))
        .filter(k -> !KeyUse.ENCRYPTION.equals(k.getKeyUse()))
        .filter(k -> k.getAlgorithm() == null || k.getAlgorithm().equals(alg))
        .filter(k -> fits(k, alg))
        .toList();
  }

  static boolean fits(JWK key, JWSAlgorithm alg) {
    return key instanceof RSAKey && JWSAlgorithm.Family.RSA.contains(alg)
        || key instanceof ECKey && JWSAlgorithm.Family.EC.contains(alg);
  }

  static boolean verifies(SignedJWT jwt, JWK key) {
    try {
      return jwt.verify(verifierFor(key));
    } catch (JOSEException e) {
      return false;
    }
  }

  private static JWSVerifier verifierFor(JWK key) throws JOSEException {
    if (key instanceof RSAKey rsa) {
      return new RSASSAVerifier(rsa);
    }
    return new ECDSAVerifier((ECKey) key);
  }
}
