/**
 * Phase transfers ({@code ehc-phase-transfer}): the yearly cohort of children who change phase next year, each
 * transfer's statutory deadline (reg 18), and bringing that year's review forward as the transfer review.
 */
package org.ehcworkflow.phasetransfer;
