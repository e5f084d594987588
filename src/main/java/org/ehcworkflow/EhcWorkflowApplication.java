package org.ehcworkflow;

import java.util.TimeZone;
import org.ehcworkflow.calendar.StatutoryCalendar;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The EHC workflow: Camunda 7 with Tasklist, Cockpit, Admin and the engine REST API, plus the project's API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EhcWorkflowApplication {

  public static void main(String[] args) {
    // Timers and due dates read deadlines as London calendar dates ("2026-02-16T23:59:59"): the engine's
    // clock must be London's whatever the server's zone.
    TimeZone.setDefault(TimeZone.getTimeZone(StatutoryCalendar.LONDON));
    SpringApplication.run(EhcWorkflowApplication.class, args);
  }
}
