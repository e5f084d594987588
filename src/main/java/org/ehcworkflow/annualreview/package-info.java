/**
 * The annual review of a maintained plan ({@code ehc-annual-review}): one process instance per review cycle, its
 * task checks, and the steps that keep the plan register in step with it.
 */
package org.ehcworkflow.annualreview;
