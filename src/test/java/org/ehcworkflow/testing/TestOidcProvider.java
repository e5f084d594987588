package org.ehcworkflow.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A local OpenID Connect provider for tests: WireMock serves the discovery document and the public key of an RSA
 * key generated here; {@link #token} signs tokens as the provider would (or with another key, to be refused).
 */
public final class TestOidcProvider {

  public static final String AUDIENCE = "ehc-workflow";

  public final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
  public final RSAKey key = generate();
  public final RSAKey otherKey = generate();

  public TestOidcProvider() {
    server.start();
    String issuer = issuer();
    server.stubFor(get(urlPathEqualTo("/realms/council/.well-known/openid-configuration")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("""
            {"issuer": "%s", "authorization_endpoint": "%s/auth", "token_endpoint": "%s/token",
             "jwks_uri": "%s/certs", "response_types_supported": ["code"], "subject_types_supported": ["public"],
             "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer, issuer, issuer, issuer))));
    server.stubFor(get(urlPathEqualTo("/realms/council/certs")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(new JWKSet(key.toPublicJWK()).toString())));
  }

  public String issuer() {
    return server.baseUrl() + "/realms/council";
  }

  /** A token for the user with these groups, valid for the seconds given (negative: already expired). */
  public String token(RSAKey signer, String issuer, String user, List<String> groups, int validSeconds, String nonce) {
    return token(signer, issuer, user, groups, validSeconds, nonce, java.util.Map.of());
  }

  /** The same, with further claims (a citizen's {@code email} and {@code email_verified}). */
  public String token(RSAKey signer, String issuer, String user, List<String> groups, int validSeconds, String nonce,
      java.util.Map<String, Object> extra) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject("sub-" + user)
        .claim("preferred_username", user).claim("groups", groups).issueTime(Date.from(Instant.now()))
        .expirationTime(Date.from(Instant.now().plusSeconds(validSeconds)));
    if (nonce != null) {
      claims.claim("nonce", nonce);
    }
    extra.forEach(claims::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
        .type(JOSEObjectType.JWT).build(), claims.build());
    try {
      jwt.sign(new RSASSASigner(signer));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  public String token(String user, List<String> groups) {
    return token(key, issuer(), user, groups, 300, null);
  }

  /** The query of an authorization request the application sent to this provider, decoded. */
  public static java.util.Map<String, String> query(java.net.URI uri) {
    java.util.Map<String, String> values = new java.util.HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      values.put(parts[0], java.net.URLDecoder.decode(parts.length > 1 ? parts[1] : "",
          java.nio.charset.StandardCharsets.UTF_8));
    }
    return values;
  }

  public void stop() {
    server.stop();
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("council-key").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
