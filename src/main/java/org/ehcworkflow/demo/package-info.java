/** Demo users and demo cases for the default (dev) setup only; never active in the production profile. */
package org.ehcworkflow.demo;
