/**
 * The kernel every capability shares and that imports none of them: typed process variables and codes, the one
 * clock (the engine's, in London), reading and refusing what a task submits, the refusals every route into the
 * engine answers with, engine work for a caller the API has checked, and the engine's per-job work without the
 * reads and text that produce nothing.
 */
package org.ehcworkflow.process;
