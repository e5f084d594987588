/**
 * The partner directory: the addresses of partner teams (by type) and of schools and settings (by code), kept by
 * administrators through the API or a CSV import. Notices look their addresses up here when they are sent.
 */
package org.ehcworkflow.partner;
