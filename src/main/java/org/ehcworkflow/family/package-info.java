/**
 * The family's pages: sign-in without an account (a one-time code sent to the contact email on the case; any other
 * sign-in, such as GOV.UK One Login, only has to establish a {@link org.ehcworkflow.family.FamilySession}), where
 * the case stands in plain English, its statutory dates, decisions with the family's rights, the documents issued
 * to them, their named coordinator, and what they may send online: representations on the draft plan (late ones are
 * recorded as late, never lost) and messages to the coordinator.
 */
package org.ehcworkflow.family;
