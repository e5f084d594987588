/**
 * The Department for Education's SEN2 return, built from what the statutory steps recorded: the return for a census
 * date as one XML file and as CSV per module, the report of records that would fail validation, and the SEN2 items
 * the steps do not record (sex, ethnicity, UPN, needs, setting type, personal budget), kept per child.
 */
package org.ehcworkflow.sen2;
