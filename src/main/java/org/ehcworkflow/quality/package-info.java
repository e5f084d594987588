/**
 * Plan quality: the rules a plan is checked against as it is written (data, {@code plan-quality/rules.json}), the
 * grade each issued version gets, and the managers' "Plan quality" figures in Cockpit.
 */
package org.ehcworkflow.quality;
