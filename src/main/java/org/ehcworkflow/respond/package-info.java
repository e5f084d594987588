/**
 * Partners without an account: a secure link in an advice request lets the advice giver send their advice (text or
 * a PDF) for that one request, through GOV.UK Design System pages served by the application.
 */
package org.ehcworkflow.respond;
