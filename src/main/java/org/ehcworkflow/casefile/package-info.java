/**
 * The case file: one row per EHC case with its request, status, recorded breaches of time limits and the
 * exceptions to them. The personal details of the child live here, never in process variables.
 */
package org.ehcworkflow.casefile;
