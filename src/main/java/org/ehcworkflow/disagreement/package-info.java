/**
 * Disagreements followed to the end: mediation and its certificates (SEND Regs 2014 reg 33-39), the appeal window
 * (HESC Rules 2008 r20, r12(3)), the tribunal's decision, and compliance with its order (reg 44(2)).
 */
package org.ehcworkflow.disagreement;
