package org.ehcworkflow.partner;

/** An entry of the partner directory was added or updated. */
public record PartnerSaved(Partner partner) {
}
