/**
 * The statutory calendar: every time limit of the EHC process, defined once with its legal reference,
 * and the England and Wales working-day calendar those limits are counted on.
 */
package org.ehcworkflow.calendar;
