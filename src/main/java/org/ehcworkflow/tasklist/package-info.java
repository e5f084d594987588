/** How Tasklist presents the work: the shared task filters every officer and partner starts from. */
package org.ehcworkflow.tasklist;
