package org.ehcworkflow.annualreview;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the review cycle ({@code ehc.review.*}).
 *
 * @param underFiveCycle how often a child under 5 is reviewed, 3 to 6 months (Code of Practice 9.178)
 * @param preparationLead how long before the review falls due officers are asked to arrange the meeting
 * @param cycleStartsAhead how long before preparation begins a review cycle waiting in the register (a plan onboarded
 *     months before its review) starts as a running process, from the daily {@code ehc-review-cycle-starts} run
 * @param cycleStartBatch how many waiting cycles the daily run starts in one job (one transaction) before it loops
 */
@ConfigurationProperties("ehc.review")
public record ReviewProperties(
    @DefaultValue("P6M") Period underFiveCycle,
    @DefaultValue("P10W") Period preparationLead,
    @DefaultValue("P4W") Period cycleStartsAhead,
    @DefaultValue("500") int cycleStartBatch) {
}
