package org.ehcworkflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a bearer token from the council's OpenID Connect provider: signed with one of the provider's keys (RS256),
 * from its issuer, for this audience, not expired. The user is the token's username claim; the groups are the
 * token's groups that {@link OidcProperties#groupMapping()} maps to Camunda groups.
 */
public class OidcBearerTokens {

  private static final Logger LOG = LoggerFactory.getLogger(OidcBearerTokens.class);

  /** A signed-in user from a valid token. */
  public record TokenUser(String userId, List<String> groups) {
  }

  private final OidcProperties properties;
  private volatile DefaultJWTProcessor<SecurityContext> processor;

  public OidcBearerTokens(OidcProperties properties) {
    this.properties = properties;
  }

  /** The token's user, or empty when the token is not valid (the reason is logged without the token). */
  public Optional<TokenUser> verify(String token) {
    try {
      JWTClaimsSet claims = processor().process(token, null);
      String user = claims.getStringClaim(properties.usernameClaim());
      if (user == null || user.isBlank()) {
        LOG.warn("Bearer token refused: no {} claim", properties.usernameClaim());
        return Optional.empty();
      }
      List<String> tokenGroups = claims.getStringListClaim(properties.groupsClaim());
      List<String> groups = tokenGroups == null ? List.of() : tokenGroups.stream()
          .map(properties.groupMapping()::get).filter(g -> g != null && !g.isBlank()).distinct().toList();
      return Optional.of(new TokenUser(user, groups));
    } catch (Exception e) {
      LOG.warn("Bearer token refused: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private DefaultJWTProcessor<SecurityContext> processor() throws IOException {
    if (processor == null) {
      synchronized (this) {
        if (processor == null) {
          URL keys = (properties.jwkSetUri() != null ? properties.jwkSetUri() : discoverKeys()).toURL();
          JWKSource<SecurityContext> source = JWKSourceBuilder.create(keys).retrying(true).build();
          DefaultJWTProcessor<SecurityContext> built = new DefaultJWTProcessor<>();
          built.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
          Set<String> required = new HashSet<>(List.of("exp", "iss", properties.usernameClaim()));
          built.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
              properties.audience() == null || properties.audience().isBlank() ? null : properties.audience(),
              new JWTClaimsSet.Builder().issuer(properties.issuerUri().toString()).build(), required));
          processor = built;
        }
      }
    }
    return processor;
  }

  private URI discoverKeys() throws IOException {
    URI discovery = URI.create(properties.issuerUri().toString().replaceAll("/+$", "")
        + "/.well-known/openid-configuration");
    try (var stream = discovery.toURL().openStream()) {
      return URI.create(new ObjectMapper().readTree(stream).get("jwks_uri").asText());
    }
  }
}
