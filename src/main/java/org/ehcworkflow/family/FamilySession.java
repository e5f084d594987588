package org.ehcworkflow.family;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A family's signed-in session: the one case it may see, and how it signed in. Whatever proves who the family is
 * (the emailed code today; GOV.UK One Login or the council's citizen identity by configuration) ends by calling
 * {@link #establish}; the pages only ever ask {@link #current}. The session id changes at sign-in, and every form
 * carries the session's own token.
 */
public final class FamilySession {

  private static final String CASE = "ehc.family.case";
  private static final String METHOD = "ehc.family.method";
  private static final String TOKEN = "ehc.family.formToken";
  private static final String CHALLENGE = "ehc.family.challenge";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Signed in for one case. */
  public record SignedIn(String caseReference, String method) {
  }

  private FamilySession() {
  }

  public static void establish(HttpServletRequest request, String caseReference, String method) {
    HttpSession session = request.getSession(true);
    request.changeSessionId();
    session.removeAttribute(CHALLENGE);
    session.setAttribute(CASE, caseReference);
    session.setAttribute(METHOD, method);
    session.setAttribute(TOKEN, random());
  }

  public static Optional<SignedIn> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || session.getAttribute(CASE) == null) {
      return Optional.empty();
    }
    return Optional.of(new SignedIn(session.getAttribute(CASE).toString(), String.valueOf(session.getAttribute(METHOD))));
  }

  public static void end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(CASE);
      session.removeAttribute(METHOD);
      session.removeAttribute(TOKEN);
      session.removeAttribute(CHALLENGE);
    }
  }

  /** The form token of this session (made when first asked), to put in every form. */
  static String formToken(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    Object token = session.getAttribute(TOKEN);
    if (token == null) {
      token = random();
      session.setAttribute(TOKEN, token);
    }
    return token.toString();
  }

  static boolean formTokenMatches(HttpServletRequest request, String given) {
    HttpSession session = request.getSession(false);
    return session != null && given != null && session.getAttribute(TOKEN) != null
        && java.security.MessageDigest.isEqual(given.getBytes(), session.getAttribute(TOKEN).toString().getBytes());
  }

  /** The code challenge waiting in this (not yet signed-in) session. */
  static void awaitCode(HttpServletRequest request, String challenge) {
    request.getSession(true).setAttribute(CHALLENGE, challenge);
  }

  static Optional<String> challenge(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(CHALLENGE));
  }

  private static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
