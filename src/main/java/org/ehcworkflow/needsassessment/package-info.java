/**
 * The EHC needs assessment (the "20-week" process, SEND Regs 2014 Part 2): opening a case by any route,
 * validating the request, the decisions officers record in Tasklist, and the process's variable contract.
 */
package org.ehcworkflow.needsassessment;
