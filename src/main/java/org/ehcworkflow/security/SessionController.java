package org.ehcworkflow.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For this application's own pages (the plan editor): the CSRF token their changes through the API must carry. */
@RestController
@Tag(name = "Session", description = "The signed-in webapp session")
public class SessionController {

  @Operation(summary = "The CSRF token of the signed-in webapp session, for pages that change data")
  @AnySignedInUser(narrowedBy = "the caller's own session")
  @GetMapping("/api/session/csrf-token")
  Map<String, String> csrfToken(HttpServletRequest request) {
    String token = ApiAuthenticationProvider.csrfToken(request.getSession(false));
    return token == null ? Map.of() : Map.of("token", token);
  }
}
