package org.ehcworkflow.family;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The family's pages ({@code ehc.family}).
 *
 * @param enabled whether {@code /family} is served at all
 * @param signIn how families sign in: {@code email-code} (a one-time code to the contact email on the case), or
 *     {@code oidc}: at an OpenID Connect provider (GOV.UK One Login, the council's citizen account), the client
 *     registration {@code family}, whose verified email must be the case's contact email ({@link FamilyIdentitySignIn})
 * @param identityName the provider's name as the family reads it on the sign-in button
 * @param codeLifetime how long a code works
 * @param maxAttempts wrong tries before a code dies
 * @param codesPerWindow codes a case may be sent in {@code window}
 * @param showCodeOnScreen demo only: the code is shown on the page as well as emailed (refused in production)
 */
@ConfigurationProperties("ehc.family")
public record FamilyProperties(@DefaultValue("true") boolean enabled, @DefaultValue("email-code") String signIn,
    @DefaultValue("PT15M") Duration codeLifetime, @DefaultValue("5") int maxAttempts,
    @DefaultValue("3") int codesPerWindow, @DefaultValue("PT15M") Duration window,
    @DefaultValue("false") boolean showCodeOnScreen,
    @DefaultValue("Your child's EHC needs assessment and plan") String serviceName,
    @DefaultValue("GOV.UK One Login") String identityName) {
}
