package org.ehcworkflow.quality;

import java.util.List;
import org.ehcworkflow.quality.PlanQuality.Finding;
import org.ehcworkflow.quality.PlanQuality.Stage;

/** The blocking findings of a case's plan about to be served (draft) or issued (final): none lets it go. */
@FunctionalInterface
public interface QualityGate {

  List<Finding> blocking(String caseReference, Stage stage);
}
