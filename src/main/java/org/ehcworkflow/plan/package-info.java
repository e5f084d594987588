/**
 * The register of maintained EHC plans: the child's year group, setting and review dates, with each plan's history;
 * onboarding an existing register from CSV. Processes carry the case reference; personal data stays here.
 */
package org.ehcworkflow.plan;
