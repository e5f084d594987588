package org.ehcworkflow.phasetransfer;

import java.time.LocalTime;
import java.time.MonthDay;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of phase transfers ({@code ehc.phase-transfer.*}).
 *
 * @param cohortDay the day each year the cohort of next year's transfers is found ({@code --09-01}: 1 September)
 * @param cohortTime the time of day it runs, London time
 */
@ConfigurationProperties("ehc.phase-transfer")
public record PhaseTransferProperties(
    @DefaultValue("--09-01") MonthDay cohortDay,
    @DefaultValue("06:00") LocalTime cohortTime) {
}
