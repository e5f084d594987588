/**
 * The public pages' frame in the GOV.UK Design System: header, skip link, error summary, escaping. Depends on
 * nothing else in the project; the secure links ({@code respond}) and the family's pages ({@code family}) use it.
 */
package org.ehcworkflow.govuk;
