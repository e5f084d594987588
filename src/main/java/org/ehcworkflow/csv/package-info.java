/** Reading the CSV files councils import (partner directory, plan register), with problems reported by line. */
package org.ehcworkflow.csv;
