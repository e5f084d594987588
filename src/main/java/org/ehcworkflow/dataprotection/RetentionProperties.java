package org.ehcworkflow.dataprotection;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention policy ({@code ehc.retention.*}); see README, SECURITY. Process history is removed by the engine's
 * history cleanup after each process's time to live (P2557D, 7 years); the project's records are anonymised:
 *
 * @param closedCase how long after a case closed without a plan (not assessed, no plan, withdrawn) its personal
 *     details are kept
 * @param ceasedPlan how long after a plan ceased its personal details are kept
 * @param cron when the anonymisation runs (London time)
 */
@ConfigurationProperties("ehc.retention")
public record RetentionProperties(
    @DefaultValue("P7Y") Period closedCase,
    @DefaultValue("P7Y") Period ceasedPlan,
    @DefaultValue("0 30 2 * * *") String cron) {
}
