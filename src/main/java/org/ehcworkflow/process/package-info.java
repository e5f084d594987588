/**
 * The kernel every capability shares and that imports none of them: typed process variables and codes, the one
 * clock (the engine's, in London), reading and refusing what a task submits, and the refusals every route into the
 * engine answers with.
 */
package org.ehcworkflow.process;
