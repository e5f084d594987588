package org.ehcworkflow.sen2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.ehcworkflow.sen2.Sen2Return.CaseFacts;
import org.ehcworkflow.sen2.Sen2Return.PlanEventRow;
import org.ehcworkflow.sen2.Sen2Return.PlanRow;
import org.ehcworkflow.sen2.Sen2Return.RequestRow;
import org.ehcworkflow.sen2.Sen2Return.StepFact;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/** Known answers: a crafted set of cases gives exactly the expected return, module by module. */
class Sen2ReturnTest {

  static final Sen2Mapping MAPPING = Sen2Mapping.load(new ClassPathResource("sen2/sen2-mapping.properties"));
  static final LocalDate CENSUS = LocalDate.of(2027, 1, 21);
  /** The partner directory's UKPRNs: Elm (100002) has one, Oak (100001) has none. */
  static final Map<String, String> UKPRNS = Map.of("100002", "10012345", "900000", "10099999");

  static final Sen2Details ISSUED = new Sen2Details("F", "WBRI", "AB1 2CD", "A12345678901B", null, null, null, false,
      "SLCN", "ASD", "MSTRM", false, false, false, false, "DP", null, null);

  static List<CaseFacts> crafted() {
    return List.of(
        // A plan issued in the year, with an exception to the 20 weeks, still maintained on census day.
        new CaseFacts("K-1", new RequestRow(d("2026-03-02"), "PARENT", "PLAN_ISSUED", d("2026-07-20")), "Ada", "Lovelace",
            d("2016-05-01"), ISSUED, new PlanRow(d("2026-07-20"), "100001", "MAINTAINED", null, "ASSESSMENT"),
            List.of(step("p1", "Task_DecideWhetherToAssess", "assessDecision", "assess", "2026-04-10")), List.of(),
            true, null),
        // Refused, taken to mediation and then to the tribunal.
        new CaseFacts("K-2", new RequestRow(d("2026-03-20"), "SCHOOL_OR_COLLEGE", "NOT_ASSESSED", d("2026-05-01")),
            "Ben", "Babbage", d("2015-02-03"), new Sen2Details("M", "MWBC", null, null, null, "UN1", null, false,
                null, null, null, null, null, null, null, null, null, null), null,
            List.of(step("p2", "Task_DecideWhetherToAssess", "assessDecision", "doNotAssess", "2026-05-01"),
                step("d2", "Disagreement", "decision", "NOT_TO_ASSESS", "2026-05-20"),
                step("d2", "Disagreement", "disagreement", "mediation", "2026-05-20"),
                step("d2", "Task_HoldMediation", "mediationOutcome", "notAgreed", "2026-06-10"),
                step("d2", "Task_RecordAppeal", "appealAnswer", "appealed", "2026-07-01")), List.of(), false, null),
        // Withdrawn before any decision; nothing else recorded about the child.
        new CaseFacts("K-3", new RequestRow(d("2026-06-01"), "PARENT", "WITHDRAWN", d("2026-06-15")), "Cara", "Noether",
            d("2019-09-09"), null, null, List.of(), List.of(), false, null),
        // Transferred in from another authority: onboarded, reviewed and amended in the year, transfer due.
        new CaseFacts("K-4", null, null, null, d("2014-10-10"), new Sen2Details("M", null, null, null, "1234567890",
            null, null, null, "SEMH", null, "SPEC", null, null, true, false, null, "201", null),
            new PlanRow(d("2019-09-01"), "100002", "MAINTAINED", null, "ONBOARDED"), List.of(),
            List.of(new PlanEventRow("ONBOARDED", d("2019-09-01")), new PlanEventRow("REVIEWED", d("2026-10-05")),
                new PlanEventRow("AMENDED", d("2026-11-20"))), false, d("2027-02-15")),
        // Issued and ceased within the year: a named plan with its cease, and no active plan.
        new CaseFacts("K-5", new RequestRow(d("2026-01-10"), "YOUNG_PERSON", "PLAN_ISSUED", d("2026-05-01")), "Dev",
            "Patel", d("2008-01-01"), new Sen2Details("M", "AIND", null, null, "9876543210", null, null, false, "MLD",
                null, "FE", null, null, false, true, "NONE", null, "3"),
            new PlanRow(d("2026-05-01"), null, "CEASED", d("2026-11-30"), "ASSESSMENT"),
            List.of(step("p5", "Task_DecideWhetherToAssess", "assessDecision", "assess", "2026-02-20")), List.of(),
            false, null),
        // Received before the year and decided then: not in this return.
        new CaseFacts("K-6", new RequestRow(d("2025-12-01"), "PARENT", "NOT_ASSESSED", d("2026-01-12")), "Eve", "Old",
            d("2017-01-01"), null, null, List.of(), List.of(), false, null));
  }

  static final String EXPECTED = """
      <Message>
        <Header>
          <CollectionDetails><Collection>SEN2</Collection><Year>2027</Year><ReferenceDate>2027-01-21</ReferenceDate></CollectionDetails>
          <Source><SourceLevel>L</SourceLevel><LEA>999</LEA><SoftwareCode>EHCWORKFLOW</SoftwareCode><Release>1</Release>
            <SerialNo>1</SerialNo><DateTime>2027-01-22T09:00:00</DateTime></Source>
        </Header>
        <Persons>
          <Person><Surname>Lovelace</Surname><Forename>Ada</Forename><PersonBirthDate>2016-05-01</PersonBirthDate><Sex>F</Sex>
            <Ethnicity>WBRI</Ethnicity><PostCode>AB1 2CD</PostCode><UPN>A12345678901B</UPN>
            <Requests><ReceivedDate>2026-03-02</ReceivedDate><RequestSource>PAR</RequestSource><RYA>0</RYA>
              <RequestOutcomeDate>2026-04-10</RequestOutcomeDate><RequestOutcome>A</RequestOutcome>
              <RequestMediation>0</RequestMediation><RequestTribunal>0</RequestTribunal>
              <Assessment><AssessmentOutcome>A</AssessmentOutcome><AssessmentOutcomeDate>2026-07-20</AssessmentOutcomeDate>
                <AssessmentMediation>0</AssessmentMediation><AssessmentTribunal>0</AssessmentTribunal><Week20>1</Week20>
                <NamedPlan><StartDate>2026-07-20</StartDate><PlanRes>0</PlanRes><PlanWBL>0</PlanWBL><PB>1</PB><OA>0</OA><DP>1</DP>
                  <PlanDetail><URN>100001</URN><SENSetting>MSTRM</SENSetting><PlacementRank>1</PlacementRank>
                    <SENunitIndicator>0</SENunitIndicator><ResourcedProvisionIndicator>0</ResourcedProvisionIndicator></PlanDetail>
                </NamedPlan>
              </Assessment>
              <ActivePlans>
                <PlacementDetail><URN>100001</URN><SENSetting>MSTRM</SENSetting><PlacementRank>1</PlacementRank>
                  <EntryDate>2026-07-20</EntryDate><SENunitIndicator>0</SENunitIndicator>
                  <ResourcedProvisionIndicator>0</ResourcedProvisionIndicator></PlacementDetail>
                <SENneed><SENtype>SLCN</SENtype><SENtypeRank>1</SENtypeRank></SENneed>
                <SENneed><SENtype>ASD</SENtype><SENtypeRank>2</SENtypeRank></SENneed>
              </ActivePlans>
            </Requests>
          </Person>
          <Person><Surname>Babbage</Surname><Forename>Ben</Forename><PersonBirthDate>2015-02-03</PersonBirthDate><Sex>M</Sex>
            <Ethnicity>MWBC</Ethnicity><UPNunknown>UN1</UPNunknown>
            <Requests><ReceivedDate>2026-03-20</ReceivedDate><RequestSource>EDU</RequestSource><RYA>0</RYA>
              <RequestOutcomeDate>2026-05-01</RequestOutcomeDate><RequestOutcome>B</RequestOutcome>
              <RequestMediation>1</RequestMediation><RequestTribunal>1</RequestTribunal></Requests>
          </Person>
          <Person><Surname>Noether</Surname><Forename>Cara</Forename><PersonBirthDate>2019-09-09</PersonBirthDate>
            <Requests><ReceivedDate>2026-06-01</ReceivedDate><RequestSource>PAR</RequestSource><RYA>0</RYA>
              <RequestOutcomeDate>2026-06-15</RequestOutcomeDate><RequestOutcome>W</RequestOutcome>
              <RequestMediation>0</RequestMediation><RequestTribunal>0</RequestTribunal></Requests>
          </Person>
          <Person><PersonBirthDate>2014-10-10</PersonBirthDate><Sex>M</Sex><UniqueLearnerNumber>1234567890</UniqueLearnerNumber>
            <Requests>
              <ActivePlans><TransferLA>201</TransferLA><AnnualReviewDate>2026-10-05</AnnualReviewDate>
                <AnnualReviewDecision>2</AnnualReviewDecision><AmendedPlanDate>2026-11-20</AmendedPlanDate>
                <PhaseTransferDueDate>2027-02-15</PhaseTransferDueDate>
                <PlacementDetail><URN>100002</URN><UKPRN>10012345</UKPRN><SENSetting>SPEC</SENSetting><PlacementRank>1</PlacementRank>
                  <EntryDate>2026-11-20</EntryDate></PlacementDetail>
                <SENneed><SENtype>SEMH</SENtype><SENtypeRank>1</SENtypeRank></SENneed>
              </ActivePlans>
            </Requests>
          </Person>
          <Person><Surname>Patel</Surname><Forename>Dev</Forename><PersonBirthDate>2008-01-01</PersonBirthDate><Sex>M</Sex>
            <Ethnicity>AIND</Ethnicity><UniqueLearnerNumber>9876543210</UniqueLearnerNumber>
            <Requests><ReceivedDate>2026-01-10</ReceivedDate><RequestSource>YP</RequestSource><RYA>0</RYA>
              <RequestOutcomeDate>2026-02-20</RequestOutcomeDate><RequestOutcome>A</RequestOutcome>
              <RequestMediation>0</RequestMediation><RequestTribunal>0</RequestTribunal>
              <Assessment><AssessmentOutcome>A</AssessmentOutcome><AssessmentOutcomeDate>2026-05-01</AssessmentOutcomeDate>
                <AssessmentMediation>0</AssessmentMediation><AssessmentTribunal>0</AssessmentTribunal><Week20>0</Week20>
                <NamedPlan><StartDate>2026-05-01</StartDate><PlanRes>0</PlanRes><PlanWBL>1</PlanWBL><PB>0</PB><OA>0</OA><DP>0</DP>
                  <CeaseDate>2026-11-30</CeaseDate><CeaseReason>3</CeaseReason>
                  <PlanDetail><SENSetting>FE</SENSetting><PlacementRank>1</PlacementRank></PlanDetail>
                </NamedPlan>
              </Assessment>
            </Requests>
          </Person>
        </Persons>
      </Message>
      """;

  @Test
  void aCraftedSetOfCasesGivesExactlyTheExpectedReturn() {
    Sen2Return.Return sen2 = Sen2Return.build(CENSUS, "999", crafted(), UKPRNS);
    String xml = new Sen2Files(MAPPING).xml(sen2, LocalDateTime.parse("2027-01-22T09:00:00"), "1");
    Diff diff = DiffBuilder.compare(EXPECTED).withTest(xml).ignoreWhitespace().checkForIdentical().build();
    assertThat(diff.hasDifferences()).as("%s%n%s", diff, xml).isFalse();
  }

  @Test
  void eachModuleIsAlsoACsvFileForChecking() {
    Map<String, String> csv = new Sen2Files(MAPPING).csv(Sen2Return.build(CENSUS, "999", crafted(), UKPRNS));
    assertThat(csv.keySet()).containsExactlyElementsOf(Sen2Files.MODULES);
    assertThat(csv.get("requests").lines().toList()).as("a header and the four requests in the year").hasSize(5)
        .first().asString()
        .startsWith("CaseReference,ReceivedDate,RequestSource");
    assertThat(csv.get("named-plans")).contains("K-1,2026-07-20").contains("K-5,2026-05-01,0,1,0,0,0,2026-11-30,3");
    assertThat(csv.get("active-plans").lines().skip(1)).extracting(line -> line.split(",")[0])
        .containsExactly("K-1", "K-4");
    assertThat(csv.get("sen-need")).contains("K-1,SLCN,1").contains("K-1,ASD,2").contains("K-4,SEMH,1");
    assertThat(csv.get("placements").lines().toList()).as("the setting's UKPRN beside its URN, where it has one")
        .contains("CaseReference,URN,UKPRN,SENSetting,PlacementRank,EntryDate,LeavingDate,SENunitIndicator,"
            + "ResourcedProvisionIndicator", "K-1,100001,,MSTRM,1,2026-07-20,,0,0", "K-4,100002,10012345,SPEC,1,2026-11-20,,,");
  }

  @Test
  void theValidationReportNamesEachRecordThatWouldFailAndItsRule() {
    List<Sen2Validation.Problem> problems = Sen2Validation.check(Sen2Return.build(CENSUS, "999", crafted(), UKPRNS));
    assertThat(problems).extracting(p -> p.caseReference() + ":" + p.rule()).containsExactlyInAnyOrder(
        "K-3:SEX", "K-3:UPN", "K-4:NAME");
  }

  @Test
  void aPlanWithNoPlacementAndDatesOutOfOrderAreReported() {
    CaseFacts noPlacement = new CaseFacts("K-7", null, "Fay", "Ng", d("2012-01-01"), new Sen2Details("F", null, null,
        null, null, "UN8", null, null, null, null, null, null, null, null, null, null, null, null),
        new PlanRow(d("2020-01-01"), null, "MAINTAINED", null, "ONBOARDED"), List.of(), List.of(), false, null);
    CaseFacts outOfOrder = new CaseFacts("K-8", new RequestRow(d("2026-05-01"), "NOT_RECORDED", "PLAN_ISSUED",
        d("2026-04-01")), "Gus", "Ho", d("2013-01-01"), ISSUED, new PlanRow(d("2026-04-01"), "100001", "CEASED",
        d("2026-03-01"), "ASSESSMENT"), List.of(step("p8", "Task_DecideWhetherToAssess", "assessDecision", "assess",
        "2026-04-20")), List.of(), false, null);
    List<Sen2Validation.Problem> problems = Sen2Validation.check(Sen2Return.build(CENSUS, "999",
        List.of(noPlacement, outOfOrder), UKPRNS));
    assertThat(problems).extracting(p -> p.caseReference() + ":" + p.module() + ":" + p.rule())
        .containsExactlyInAnyOrder("K-7:placements:PLACEMENT", "K-7:sen-need:PRIMARY_NEED",
            "K-8:requests:REQUEST_SOURCE", "K-8:requests:DATES", "K-8:assessments:DATES", "K-8:named-plans:DATES", "K-8:named-plans:DATES",
            "K-8:named-plans:CEASE_REASON");
    assertThat(problems).extracting(Sen2Validation.Problem::message)
        .contains("assessment outcome 2026-04-01 is before request outcome 2026-04-20",
            "plan start 2026-04-01 is before received 2026-05-01", "cease 2026-03-01 is before plan start 2026-04-01");
  }

  @Test
  void officersRecordOnlyTheDfesCodes() {
    assertThat(ISSUED.checked(MAPPING)).isEqualTo(ISSUED);
    assertThatThrownBy(() -> details("X", null, null).checked(MAPPING)).hasMessageContaining("sex 'X' is not one of");
    assertThatThrownBy(() -> details("F", "A123", null).checked(MAPPING)).hasMessageContaining("upn 'A123'");
    assertThatThrownBy(() -> details("F", null, "DYSL").checked(MAPPING)).hasMessageContaining("needPrimary 'DYSL'");
    assertThat(details("f", null, "asd").checked(MAPPING).needPrimary()).isEqualTo("ASD");
  }

  @Test
  void theFormsOfferExactlyTheShippedMappingsCodeLists() {
    for (Sen2Variables.Item item : Sen2Variables.ITEMS) {
      if (item.codeList() != null) {
        assertThat(item.variable().codes()).as("the choices of %s", item.variable().name())
            .isEqualTo(MAPPING.codes(item.codeList()));
      }
    }
  }

  private static Sen2Details details(String sex, String upn, String need) {
    return new Sen2Details(sex, null, null, upn, null, null, null, null, need, null, null, null, null, null, null,
        null, null, null);
  }

  private static StepFact step(String instance, String step, String field, String value, String on) {
    return new StepFact(instance, step, field, value, d(on));
  }

  private static LocalDate d(String day) {
    return LocalDate.parse(day);
  }
}
