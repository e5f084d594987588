package org.ehcworkflow.annualreview;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the review cycle ({@code ehc.review.*}).
 *
 * @param underFiveCycle how often a child under 5 is reviewed, 3 to 6 months (Code of Practice 9.178)
 * @param preparationLead how long before the review falls due officers are asked to arrange the meeting
 */
@ConfigurationProperties("ehc.review")
public record ReviewProperties(
    @DefaultValue("P6M") Period underFiveCycle,
    @DefaultValue("P10W") Period preparationLead) {
}
