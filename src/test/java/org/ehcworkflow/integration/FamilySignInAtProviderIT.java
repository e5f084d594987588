package org.ehcworkflow.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ehcworkflow.testing.TestOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The family signs in at an identity provider instead of with an emailed code ({@code ehc.family.sign-in=oidc}, the
 * client registration {@code family}; GOV.UK One Login or a council's citizen account in production, a local
 * provider here): the case opens only when the email the provider verified is the case's contact email. The
 * webapps keep their own sign-in beside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.demo.enabled=true", "camunda.bpm.job-execution.enabled=false", "ehc.family.sign-in=oidc",
        "ehc.family.identity-name=the council's citizen account",
        "spring.security.oauth2.client.registration.family.client-id=ehc-workflow",
        "spring.security.oauth2.client.registration.family.client-secret=s3cret",
        "spring.security.oauth2.client.registration.family.scope=openid,email"})
class FamilySignInAtProviderIT {

  static final TestOidcProvider PROVIDER = new TestOidcProvider();
  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
    registry.add("spring.security.oauth2.client.provider.family.issuer-uri", PROVIDER::issuer);
  }

  @AfterAll
  static void stop() {
    PROVIDER.stop();
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theCaseOpensForTheEmailTheProviderVerifiedAndForNoOther() throws Exception {
    HttpClient parent = browser();
    HttpResponse<String> page = get(parent, "/family");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Continue to the council&#39;s citizen account").doesNotContain("Send me a code");

    HttpResponse<String> blank = signIn(parent, page.body(), "");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("href=\"#caseReference\"");

    assertThat(atProvider(parent, "DEMO-0002", "family-0002@example.org", true)).isEqualTo("/family/case");
    HttpResponse<String> signedIn = get(parent, "/family/case");
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(signedIn.body()).contains("DEMO-0002");
    assertThat(jdbc.queryForObject("select count(*) from audit_event where case_reference = 'DEMO-0002' "
        + "and user_id = 'family:DEMO-0002' and detail = 'signed in with oidc'", Integer.class)).isEqualTo(1);

    HttpClient stranger = browser();
    assertThat(atProvider(stranger, "DEMO-0002", "someone@example.org", true)).isEqualTo("/family?sign-in=unmatched");
    assertThat(get(stranger, "/family/case").statusCode()).as("not signed in").isIn(302, 303, 401);
    HttpResponse<String> told = get(stranger, "/family?sign-in=unmatched");
    assertThat(told.statusCode()).isEqualTo(401);
    assertThat(told.body()).contains("We could not open this case with the account you signed in with");

    HttpClient unverified = browser();
    assertThat(atProvider(unverified, "DEMO-0002", "family-0002@example.org", false))
        .as("an email the provider has not verified opens nothing").isEqualTo("/family?sign-in=unmatched");
    assertThat(jdbc.queryForObject("select count(*) from audit_event where case_reference = 'DEMO-0002' "
        + "and action = 'REFUSED' and detail like 'sign-in with oidc refused%'", Integer.class)).isEqualTo(2);

    // The webapps keep their own sign-in: the family's registration is not the staff's single sign-on.
    HttpResponse<String> tasklist = get(browser(), "/camunda/app/tasklist/default/");
    assertThat(tasklist.statusCode()).isEqualTo(200);
  }

  /** Gives the case reference, goes to the provider, signs in there and comes back; returns where it lands. */
  private String atProvider(HttpClient browser, String caseReference, String email, boolean verified) throws Exception {
    HttpResponse<String> toProvider = signIn(browser, get(browser, "/family").body(), caseReference);
    assertThat(toProvider.statusCode()).isEqualTo(303);
    String location = toProvider.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> authorize = get(browser, location);
    assertThat(authorize.statusCode()).isEqualTo(302);
    URI provider = URI.create(authorize.headers().firstValue("Location").orElseThrow());
    assertThat(provider.toString()).startsWith(PROVIDER.issuer() + "/auth");
    Map<String, String> query = TestOidcProvider.query(provider);
    String code = "code-" + UUID.randomUUID();
    PROVIDER.server.stubFor(post(urlPathEqualTo("/realms/council/token")).withRequestBody(containing("code=" + code))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
            {"access_token": "opaque", "token_type": "Bearer", "expires_in": 300, "id_token": "%s"}"""
            .formatted(PROVIDER.token(PROVIDER.key, PROVIDER.issuer(), "citizen", List.of(), 300, query.get("nonce"),
                Map.of("email", email, "email_verified", verified))))));
    HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(query.get("redirect_uri") + "?code="
        + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    String landed = back.headers().firstValue("Location").orElseThrow();
    return landed.replaceFirst("^https?://[^/]+", "");
  }

  private HttpResponse<String> signIn(HttpClient browser, String page, String caseReference) throws Exception {
    Matcher token = FORM_TOKEN.matcher(page);
    assertThat(token.find()).isTrue();
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/family/sign-in"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("caseReference=" + URLEncoder.encode(caseReference,
            StandardCharsets.UTF_8) + "&formToken=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
    URI uri = path.startsWith("http") ? URI.create(path) : URI.create("http://localhost:" + port + path);
    return browser.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }
}
