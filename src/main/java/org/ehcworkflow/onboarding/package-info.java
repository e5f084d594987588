/**
 * Bringing a council's existing register of plans under the engine: a CSV import that enters each plan and starts
 * its review cycle with the right due date, through the API or as a one-off command.
 */
package org.ehcworkflow.onboarding;
