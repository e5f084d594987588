/**
 * Who may do what: HTTP Basic against the engine's identity for the engine REST API and the project's API,
 * the Camunda groups of each role with their authorizations, created idempotently at start-up.
 */
package org.ehcworkflow.security;
