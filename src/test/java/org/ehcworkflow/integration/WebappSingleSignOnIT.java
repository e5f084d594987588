package org.ehcworkflow.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ehcworkflow.testing.TestOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on to the webapps with OpenID Connect, against a local provider: WireMock serves the discovery
 * document, the keys (generated here) and the token endpoint. A browser-like client follows the authorization code
 * flow by hand and ends signed in to Tasklist with the groups its token maps to; the same provider's bearer token
 * opens the engine REST API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.demo.enabled=true", "camunda.bpm.job-execution.enabled=false",
        "spring.security.oauth2.client.registration.council.client-id=ehc-workflow",
        "spring.security.oauth2.client.registration.council.client-secret=s3cret",
        "spring.security.oauth2.client.registration.council.scope=openid",
        "spring.security.oauth2.client.provider.council.user-name-attribute=preferred_username",
        "ehc.security.oidc.audience=ehc-workflow",
        "ehc.security.oidc.group-mapping.EHC-Coordinators=coordinators"})
class WebappSingleSignOnIT {

  static final TestOidcProvider PROVIDER = new TestOidcProvider();

  static String issuer() {
    return PROVIDER.issuer();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
    registry.add("spring.security.oauth2.client.provider.council.issuer-uri", WebappSingleSignOnIT::issuer);
    registry.add("ehc.security.oidc.issuer-uri", WebappSingleSignOnIT::issuer);
  }

  @AfterAll
  static void stop() {
    PROVIDER.stop();
  }

  @LocalServerPort int port;

  @Test
  void aCoordinatorSignsInToTasklistAtTheCouncilsProviderWithMappedGroups() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String app = "http://localhost:" + port;

    // Tasklist sends the browser to the provider's sign-in, with state and nonce.
    HttpResponse<String> first = browser.send(HttpRequest.newBuilder(URI.create(app + "/camunda/app/tasklist/default/"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).isEqualTo(302);
    String authorize = follow(browser, app, first);
    assertThat(authorize).startsWith(issuer() + "/auth");
    Map<String, String> query = TestOidcProvider.query(URI.create(authorize));
    assertThat(query).containsEntry("client_id", "ehc-workflow").containsEntry("response_type", "code");

    // The provider signs the user in and sends them back with a code; the token it then issues names the user.
    PROVIDER.server.stubFor(post(urlPathEqualTo("/realms/council/token")).withRequestBody(containing("code=the-code"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
            {"access_token": "opaque", "token_type": "Bearer", "expires_in": 300, "id_token": "%s"}"""
            .formatted(idToken("coordinator", List.of("EHC-Coordinators", "All Staff"), query.get("nonce"))))));
    HttpResponse<String> callback = browser.send(HttpRequest.newBuilder(URI.create(query.get("redirect_uri")
        + "?code=the-code&state=" + query.get("state"))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
    assertThat(callback.headers().firstValue("Location").orElseThrow()).contains("/camunda/app/tasklist/default/");
    PROVIDER.server.verify(postRequestedFor(urlPathEqualTo("/realms/council/token")));

    // Back in Tasklist, signed in to the webapps as that user, with the groups the mapping gives.
    HttpResponse<String> tasklist = browser.send(HttpRequest.newBuilder(URI.create(app
        + "/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tasklist.statusCode()).isEqualTo(200);
    HttpResponse<String> user = browser.send(HttpRequest.newBuilder(URI.create(app
        + "/camunda/api/admin/auth/user/default")).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
    assertThat(user.body()).contains("\"userId\":\"coordinator\"").contains("tasklist").contains("cockpit");
    HttpResponse<String> tasks = browser.send(HttpRequest.newBuilder(URI.create(app
        + "/camunda/api/engine/engine/default/task/count")).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(tasks.statusCode()).as(tasks.body() + tasks.headers().map()).isEqualTo(200);
    assertThat(tasks.body()).doesNotContain("\"count\":0");

    // The same provider's bearer token opens the engine REST API; without it, nothing.
    String bearer = idToken("coordinator", List.of("EHC-Coordinators"), null);
    HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app
        + "/engine-rest/task/count")).header("Authorization", "Bearer " + bearer).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(rest.statusCode()).isEqualTo(200);
    assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app + "/engine-rest/task/count"))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }

  /** Follows the application's own redirects until one leaves for the provider; returns that address. */
  private static String follow(HttpClient browser, String app, HttpResponse<String> response) throws Exception {
    String location = response.headers().firstValue("Location").orElseThrow();
    for (int hop = 0; hop < 5 && !location.startsWith(issuer()); hop++) {
      URI next = location.startsWith("http") ? URI.create(location) : URI.create(app + location);
      HttpResponse<String> redirected = browser.send(HttpRequest.newBuilder(next).build(),
          HttpResponse.BodyHandlers.ofString());
      location = redirected.headers().firstValue("Location").orElseThrow();
    }
    return location;
  }

  private static String idToken(String user, List<String> groups, String nonce) {
    return PROVIDER.token(PROVIDER.key, issuer(), user, groups, 300, nonce);
  }
}
