package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcworkflow.integration.FamilyPageOnPostgresIT.complete;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.ehcworkflow.onboarding.RegisterCsvImport;
import org.ehcworkflow.sen2.Sen2Command;
import org.ehcworkflow.sen2.Sen2Intake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The SEN2 return on real PostgreSQL: officers record the items no step records, a refusal recorded by the panel
 * lands in module 2 with its outcome, the validation report names what would fail, and the command line writes the
 * same files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.demo.enabled=true", "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500"})
class Sen2OnPostgresIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired Sen2Command command;

  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
  /** The census after the reporting year that holds today. */
  static final String CENSUS = LocalDate.of(TODAY.getYear() + 1, 1, 21).toString();

  @Test
  void aSettingsUkprnFromThePartnerDirectoryStandsBesideItsUrnInTheReturn() throws Exception {
    HttpCalls http = new HttpCalls(port);
    String csv = """
        partner_type,code,organisation_name,email,phone,active,ukprn
        SCHOOL_OR_SETTING,100002,Elm Secondary School,senco@elm-secondary.example.org,,true,10012345
        SCHOOL_OR_SETTING,100003,Birch College,send@birch.example.org,,true,1001234
        HEALTH,,Designated Clinical Officer,dco@example.org,,true,10054321
        """;
    HttpResponse<String> imported = http.post("demo", "/api/partners/import", "text/csv", csv);
    assertThat(imported.statusCode()).isEqualTo(200);
    Map<?, ?> report = JSON.readValue(imported.body(), Map.class);
    assertThat(report.get("updated")).as("Elm gets its UKPRN").isEqualTo(1);
    assertThat(report.get("added")).as("no row with a bad UKPRN goes in").isEqualTo(0);
    assertThat(imported.body()).contains("ukprn '1001234' must be 8 digits")
        .contains("ukprn is only for a school or setting, not for HEALTH");
    assertThat(jdbc.queryForObject("select count(*) from partner where code = '100003'", Integer.class)).isZero();
    assertThat(http.post("demo", "/api/partners/import", "text/csv", """
        partner_type,code,organisation_name,email,phone,active
        SCHOOL_OR_SETTING,100002,Elm Secondary School,senco@elm-secondary.example.org,01234 567890,true
        """).statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select ukprn from partner where code = '100002'", String.class))
        .as("a file without the ukprn column keeps the UKPRN recorded").isEqualTo("10012345");
    HttpResponse<String> refused = http.basic("demo", "POST", "/api/partners", JSON.writeValueAsString(Map.of(
        "partnerType", "SCHOOL_OR_SETTING", "code", "100004", "ukprn", "ABC", "organisationName", "Ash School",
        "email", "senco@ash.example.org")));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("ukprn 'ABC'");

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(http.get("manager", "/api/returns/sen2?census=" + CENSUS).body())));
    var xpath = XPathFactory.newInstance().newXPath();
    assertThat(xpath.evaluate("count(//PlacementDetail[URN='100002'])", doc)).as("the demo plans at Elm")
        .isNotEqualTo("0");
    assertThat(xpath.evaluate("count(//PlacementDetail[URN='100002'][UKPRN='10012345'])", doc))
        .isEqualTo(xpath.evaluate("count(//PlacementDetail[URN='100002'])", doc));
    assertThat(xpath.evaluate("count(//PlacementDetail[URN='100001']/UKPRN)", doc)).as("Oak has none").isEqualTo("0");
  }

  @Test
  void officersRecordTheItemsAndTheReturnCarriesThem(@TempDir Path folder) throws Exception {
    HttpCalls http = new HttpCalls(port);
    // Received in this calendar year, the reporting year of next January's census.
    LocalDate received = TODAY.minusDays(20).getYear() == TODAY.getYear() ? TODAY.minusDays(20) : TODAY.withDayOfYear(1);
    Map<String, Object> child = Map.of("givenName", "Iris", "familyName", "Khan", "dateOfBirth", "2016-04-04");
    assertThat(http.basic("coordinator", "POST", "/api/cases", JSON.writeValueAsString(Map.of("requestReceivedDate",
        received.toString(), "requesterType", "PARENT", "caseReference", "SEN-1", "child", child))).statusCode())
        .isEqualTo(201);
    complete(tasks, identity, "SEN-1", "Task_DecideWhetherToAssess", "panel", List.of("sendPanel"),
        Map.of("assessDecision", "doNotAssess", "decisionReason", "needs met in school"));

    Map<String, Object> items = new LinkedHashMap<>(Map.of("sex", "f", "ethnicity", "WBRI", "upn", "A12345678901B",
        "needPrimary", "SLCN"));
    String path = "/api/cases/SEN-1/sen2";
    HttpResponse<String> bad = http.basic("coordinator", "PUT", path, JSON.writeValueAsString(Map.of("sex", "Q")));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("sex 'Q' is not one of");
    assertThat(http.basic("coordinator", "PUT", path, JSON.writeValueAsString(Map.of("upn", "123"))).body())
        .contains("upn '123'");
    assertThat(jdbc.queryForObject("select count(*) from sen2_person where case_reference = 'SEN-1'", Integer.class))
        .as("a refused request keeps nothing").isZero();
    assertThat(http.basic("coordinator", "PUT", path, JSON.writeValueAsString(items)).body())
        .contains("\"changed\":true").contains("\"sex\":\"F\"");
    assertThat(http.basic("coordinator", "PUT", path, JSON.writeValueAsString(items)).body())
        .as("the same items again change nothing").contains("\"changed\":false");
    assertThat(http.basic("coordinator", "PUT", "/api/cases/NO-SUCH/sen2", JSON.writeValueAsString(items))
        .statusCode()).isEqualTo(404);
    assertThat(http.basic("panel", "PUT", path, JSON.writeValueAsString(items)).statusCode()).isEqualTo(403);
    assertThat(http.get("manager", path).body()).contains("\"upn\":\"A12345678901B\"");

    HttpResponse<String> xml = http.get("manager", "/api/returns/sen2?census=" + CENSUS);
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.headers().firstValue("Content-Disposition").orElse("")).contains("sen2-" + CENSUS + ".xml");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml.body())));
    var xpath = XPathFactory.newInstance().newXPath();
    assertThat(xpath.evaluate("/Message/Header/Source/LEA", doc)).as("ehc.sen2.la").isEqualTo("999");
    String person = "/Message/Persons/Person[UPN='A12345678901B']";
    assertThat(xpath.evaluate(person + "/Surname", doc)).isEqualTo("Khan");
    assertThat(xpath.evaluate(person + "/Sex", doc)).isEqualTo("F");
    assertThat(xpath.evaluate(person + "/Requests/ReceivedDate", doc)).isEqualTo(received.toString());
    assertThat(xpath.evaluate(person + "/Requests/RequestOutcome", doc)).isEqualTo("B");
    assertThat(xpath.evaluate(person + "/Requests/RequestOutcomeDate", doc)).isEqualTo(TODAY.toString());
    assertThat(xpath.evaluate("count(/Message/Persons/Person/Requests/ActivePlans)", doc))
        .as("the demo register's maintained plans are active plans").isNotEqualTo("0");

    HttpResponse<String> report = http.get("manager", "/api/returns/sen2?census=" + CENSUS + "&format=validation");
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body()).contains("\"caseReference\":\"DEMO-PLAN-01\"").contains("\"rule\":\"NAME\"")
        .doesNotContain("\"caseReference\":\"SEN-1\",\"module\":\"person\"");
    HttpResponse<String> requests = http.get("manager", "/api/returns/sen2?census=" + CENSUS
        + "&format=csv&module=requests");
    assertThat(requests.body()).startsWith("CaseReference,ReceivedDate,RequestSource").contains("SEN-1," + received);

    assertThat(http.get("manager", "/api/returns/sen2?census=2027-02-30").body()).contains("census");
    assertThat(http.get("manager", "/api/returns/sen2?census=" + CENSUS + "&format=csv").body()).contains("module");
    assertThat(http.get("manager", "/api/returns/sen2?census=" + CENSUS + "&format=pdf").statusCode()).isEqualTo(400);
    assertThat(http.get("coordinator", "/api/returns/sen2?census=" + CENSUS).statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'EXPORTED' and user_id = 'manager'"
        + " and case_reference = ?", Integer.class, "SEN2-" + CENSUS)).isGreaterThanOrEqualTo(3);

    List<Path> written = command.write(LocalDate.parse(CENSUS), folder);
    assertThat(written).hasSize(11);
    assertThat(Files.readString(folder.resolve("sen2-" + CENSUS + ".xml"))).contains("<UPN>A12345678901B</UPN>");
    assertThat(Files.readString(folder.resolve("sen2-" + CENSUS + "-validation.csv")))
        .startsWith("CaseReference,Module,Rule,Problem").contains("DEMO-PLAN-01,person,NAME");
  }

  @Test
  void anOfficerRecordsTheItemsInTheCaseFileInTasklist() throws Exception {
    HttpCalls http = new HttpCalls(port);
    assertThat(http.basic("coordinator", "POST", "/api/cases", JSON.writeValueAsString(Map.of("requestReceivedDate",
        TODAY.minusDays(3).toString(), "requesterType", "PARENT", "caseReference", "SEN-2"))).statusCode())
        .isEqualTo(201);
    String caseFile = tasks.createTaskQuery().processInstanceBusinessKey("SEN-2").taskDefinitionKey(
        "Task_ReviewCaseFile").singleResult().getId();
    String complete = "/engine-rest/task/" + caseFile + "/complete";
    HttpResponse<String> refused = http.basic("coordinator", "POST", complete, JSON.writeValueAsString(Map.of(
        "variables", Map.of("caseFileAction", Map.of("value", "recordSen2"), "sen2Ethnicity", Map.of("value", "XX")))));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("sen2Ethnicity 'XX' is not one of");
    assertThat(jdbc.queryForObject("select count(*) from sen2_person where case_reference = 'SEN-2'", Integer.class))
        .isZero();
    assertThat(http.basic("coordinator", "POST", complete, JSON.writeValueAsString(Map.of("variables", Map.of(
        "caseFileAction", Map.of("value", "recordSen2"), "sen2Ethnicity", Map.of("value", "BAFR"),
        "sen2NeedPrimary", Map.of("value", "SEMH"))))).statusCode()).isEqualTo(204);
    assertThat(http.get("coordinator", "/api/cases/SEN-2/sen2").body()).contains("\"ethnicity\":\"BAFR\"")
        .contains("\"needPrimary\":\"SEMH\"");
    assertThat(jdbc.queryForObject("select updated_by from sen2_person where case_reference = 'SEN-2'", String.class))
        .isEqualTo("coordinator");
  }

  @Test
  void theRegistersCsvMayCarryTheSen2ItemsCheckedLikeAnOfficers() throws Exception {
    HttpCalls http = new HttpCalls(port);
    String header = String.join(",", RegisterCsvImport.HEADER) + ","
        + String.join(",", Sen2Intake.COLUMNS);
    String csv = header + "\n"
        + "SEN-P1,,2015-05-05,,100001,Oak Primary School,11,2024-09-01,,,m,WBRI,B12345678901C,,,ASD,,MSTRM,NONE\n"
        + "SEN-P2,,2015-05-05,,100001,Oak Primary School,11,2024-09-01,,,Z,,,,,,,,\n"
        + "SEN-P3,,2015-05-05,,100001,Oak Primary School,11,2024-09-01,,,,,,,,,,,\n";
    HttpResponse<String> accepted = http.post("demo", "/api/plans/import", "text/csv", csv);
    assertThat(accepted.statusCode()).isEqualTo(202);
    String progress = JSON.readTree(accepted.body()).get("progress").asText();
    JsonNode done = null;
    for (int i = 0; i < 300 && (done == null || !done.get("status").asText().equals("DONE")); i++) {
      Thread.sleep(100);
      done = JSON.readTree(http.get("demo", progress).body());
    }
    assertThat(done.get("imported").asInt()).isEqualTo(2);
    assertThat(done.get("invalid").toString()).contains("\"line\":3").contains("sex 'Z' is not one of");
    assertThat(http.get("coordinator", "/api/cases/SEN-P1/sen2").body()).contains("\"sex\":\"M\"")
        .contains("\"needPrimary\":\"ASD\"").contains("\"settingType\":\"MSTRM\"");
    assertThat(jdbc.queryForObject("select count(*) from sen2_person where case_reference = 'SEN-P3'", Integer.class))
        .as("a row without the items keeps none").isZero();
    String xml = http.get("manager", "/api/returns/sen2?census=" + CENSUS).body();
    assertThat(xml).contains("<UPN>B12345678901C</UPN>");
  }
}
