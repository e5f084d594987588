package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Raw HTTP as callers make it, for the tests that look at status, headers and bodies byte for byte: HTTP Basic
 * calls (demo users' password is their user id) and a webapp session signed in as the browser does it.
 */
final class HttpCalls {

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  HttpCalls(int port) {
    this.port = port;
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** As a demo user with HTTP Basic; a body is sent as JSON. */
  HttpResponse<String> basic(String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    if (body != null) {
      builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** As a demo user with HTTP Basic, posting a body of the given content type (a CSV file, say). */
  HttpResponse<String> post(String user, String path, String contentType, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json").header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String user, String path) throws Exception {
    return basic(user, "GET", path, null);
  }

  /** Without credentials. */
  HttpResponse<String> anonymous(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request in a webapp session: its cookies and its CSRF token. */
  HttpRequest.Builder inSession(String path, Map<String, String> cookies) {
    return HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
        .header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .toList()))
        .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Signs in to a webapp (tasklist, cockpit) as the browser does; the session's cookies, with its CSRF token. */
  Map<String, String> signIn(String user, String app) throws Exception {
    Map<String, String> cookies = new LinkedHashMap<>();
    keep(send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).GET()), cookies);
    HttpResponse<String> login = send(inSession("/camunda/api/admin/auth/user/default/login/" + app, cookies)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)));
    assertThat(login.statusCode()).as("%s signs in to %s", user, app).isEqualTo(200);
    keep(login, cookies);
    // The session is new after signing in; its CSRF token comes with the next answer, as in the browser.
    keep(send(inSession("/camunda/api/admin/auth/user/default", cookies).GET()), cookies);
    return cookies;
  }

  private static void keep(HttpResponse<?> response, Map<String, String> cookies) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
  }
}
