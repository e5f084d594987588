/** What managers measure: statutory timeliness and the health of the service, as metrics for Prometheus. */
package org.ehcworkflow.reporting;
