/**
 * What every process shares: typed process variables, the engine's clock as a London date, and thin
 * delegates that send notices, issue documents, start statutory clocks and record breaches.
 */
package org.ehcworkflow.process;
