/**
 * The steps every process shares, named in the models: notices to families and partners, documents issued,
 * statutory clocks started, breaches recorded, cases closed, task notices and the later reminders before a
 * deadline.
 */
package org.ehcworkflow.steps;
