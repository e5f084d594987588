package org.ehcworkflow.sen2;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.ehcworkflow.csv.Csv;
import org.ehcworkflow.sen2.Sen2Return.ActivePlan;
import org.ehcworkflow.sen2.Sen2Return.Assessment;
import org.ehcworkflow.sen2.Sen2Return.NamedPlan;
import org.ehcworkflow.sen2.Sen2Return.Person;
import org.ehcworkflow.sen2.Sen2Return.Request;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a {@link Sen2Return.Return} with the mapping's element names and codes: one XML file for COLLECT, and one CSV
 * per module for checking (each row carries the case reference, which the XML does not).
 */
public final class Sen2Files {

  /** The modules, in the order of the return, with the name each CSV file takes. */
  public static final List<String> MODULES = List.of("header", "person", "requests", "assessments", "named-plans",
      "plan-detail", "active-plans", "placements", "sen-need");

  private final Sen2Mapping mapping;

  public Sen2Files(Sen2Mapping mapping) {
    this.mapping = mapping;
  }

  /** The return as one XML document. */
  public String xml(Sen2Return.Return sen2, LocalDateTime generatedAt, String serialNo) {
    try {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      Element message = child(doc, doc, "message");
      Element header = element(doc, message, "header");
      Element details = element(doc, header, "collectionDetails");
      text(doc, details, "collection", mapping.header("collection"));
      text(doc, details, "year", Integer.toString(sen2.census().getYear()));
      text(doc, details, "referenceDate", sen2.census().toString());
      Element source = element(doc, header, "source");
      text(doc, source, "sourceLevel", mapping.header("sourceLevel"));
      text(doc, source, "lea", sen2.la());
      text(doc, source, "softwareCode", mapping.header("softwareCode"));
      text(doc, source, "release", mapping.header("release"));
      text(doc, source, "serialNo", serialNo);
      text(doc, source, "dateTime", generatedAt.withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
      Element persons = element(doc, message, "persons");
      for (Person person : sen2.persons()) {
        person(doc, element(doc, persons, "person"), person);
      }
      return serialise(doc);
    } catch (ParserConfigurationException | TransformerException e) {
      throw new IllegalStateException("the SEN2 XML could not be written", e);
    }
  }

  private void person(Document doc, Element element, Person p) {
    Map<String, String> items = personItems(p);
    items.forEach((item, value) -> text(doc, element, item, value));
    Request r = p.request();
    Element requests = element(doc, element, "requests");
    requestItems(r).forEach((item, value) -> text(doc, requests, item, value));
    if (r.assessment() != null) {
      Element assessment = element(doc, requests, "assessment");
      assessmentItems(r.assessment()).forEach((item, value) -> text(doc, assessment, item, value));
      NamedPlan named = r.assessment().namedPlan();
      if (named != null) {
        Element plan = element(doc, assessment, "namedPlan");
        namedPlanItems(named).forEach((item, value) -> text(doc, plan, item, value));
        Element detail = element(doc, plan, "planDetail");
        planDetailItems(named).forEach((item, value) -> text(doc, detail, item, value));
      }
    }
    ActivePlan active = r.activePlan();
    if (active != null) {
      Element plans = element(doc, requests, "activePlans");
      activePlanItems(active).forEach((item, value) -> text(doc, plans, item, value));
      for (Sen2Return.Placement placement : active.placements()) {
        Element detail = element(doc, plans, "placementDetail");
        placementItems(placement).forEach((item, value) -> text(doc, detail, item, value));
      }
      for (Sen2Return.Need need : active.needs()) {
        Element senNeed = element(doc, plans, "senNeed");
        text(doc, senNeed, "senType", need.senType());
        text(doc, senNeed, "senTypeRank", Integer.toString(need.rank()));
      }
    }
  }

  /** Each module as CSV, its columns the mapping's element names, headed by the case reference. */
  public Map<String, String> csv(Sen2Return.Return sen2) {
    Map<String, List<Map<String, String>>> modules = new LinkedHashMap<>();
    MODULES.forEach(module -> modules.put(module, new ArrayList<>()));
    Map<String, String> header = new LinkedHashMap<>();
    header.put("collection", mapping.header("collection"));
    header.put("year", Integer.toString(sen2.census().getYear()));
    header.put("referenceDate", sen2.census().toString());
    header.put("lea", sen2.la());
    modules.get("header").add(header);
    for (Person p : sen2.persons()) {
      modules.get("person").add(withCase(p, personItems(p)));
      Request r = p.request();
      if (r.received() != null) {
        modules.get("requests").add(withCase(p, requestItems(r)));
      }
      if (r.assessment() != null) {
        modules.get("assessments").add(withCase(p, assessmentItems(r.assessment())));
        if (r.assessment().namedPlan() != null) {
          modules.get("named-plans").add(withCase(p, namedPlanItems(r.assessment().namedPlan())));
          modules.get("plan-detail").add(withCase(p, planDetailItems(r.assessment().namedPlan())));
        }
      }
      if (r.activePlan() != null) {
        modules.get("active-plans").add(withCase(p, activePlanItems(r.activePlan())));
        r.activePlan().placements().forEach(pl -> modules.get("placements").add(withCase(p, placementItems(pl))));
        r.activePlan().needs().forEach(n -> {
          Map<String, String> need = new LinkedHashMap<>();
          need.put("senType", n.senType());
          need.put("senTypeRank", Integer.toString(n.rank()));
          modules.get("sen-need").add(withCase(p, need));
        });
      }
    }
    Map<String, String> files = new LinkedHashMap<>();
    modules.forEach((module, rows) -> files.put(module, table(module, rows)));
    return files;
  }

  private String table(String module, List<Map<String, String>> rows) {
    List<String> items = new ArrayList<>();
    rows.forEach(row -> row.keySet().stream().filter(k -> !items.contains(k)).forEach(items::add));
    if (items.isEmpty()) {
      items.addAll(emptyColumns(module));
    }
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", items.stream().map(i -> i.equals("caseReference") ? "CaseReference"
        : mapping.element(i)).map(Csv::field).toList())).append("\r\n");
    for (Map<String, String> row : rows) {
      out.append(String.join(",", items.stream().map(i -> Csv.field(row.getOrDefault(i, ""))).toList()))
          .append("\r\n");
    }
    return out.toString();
  }

  private static List<String> emptyColumns(String module) {
    return List.of("caseReference");
  }

  private static Map<String, String> withCase(Person p, Map<String, String> items) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("caseReference", p.caseReference());
    row.putAll(items);
    return row;
  }

  private Map<String, String> personItems(Person p) {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("surname", p.surname());
    items.put("forename", p.forename());
    items.put("birthDate", date(p.birthDate()));
    items.put("sex", p.sex());
    items.put("ethnicity", p.ethnicity());
    items.put("postcode", p.postcode());
    items.put("upn", p.upn());
    items.put("uln", p.uln());
    items.put("upnUnknown", p.upnUnknown());
    return items;
  }

  private Map<String, String> requestItems(Request r) {
    Map<String, String> items = new LinkedHashMap<>();
    if (r.received() == null) {
      return items;
    }
    items.put("receivedDate", date(r.received()));
    items.put("requestSource", r.requestSource() == null || r.requestSource().equals("NOT_RECORDED") ? null
        : mapping.code("requestSource", r.requestSource()));
    items.put("youthCustody", mapping.bool(r.youthCustody() != null && r.youthCustody()));
    items.put("requestOutcomeDate", date(r.outcomeDate()));
    items.put("requestOutcome", r.outcome() == null ? null : mapping.code("requestOutcome", r.outcome()));
    items.put("requestMediation", mapping.bool(r.mediation()));
    items.put("requestTribunal", mapping.bool(r.tribunal()));
    return items;
  }

  private Map<String, String> assessmentItems(Assessment a) {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("assessmentOutcome", a.outcome() == null ? null : mapping.code("assessmentOutcome", a.outcome()));
    items.put("assessmentOutcomeDate", date(a.outcomeDate()));
    items.put("assessmentMediation", mapping.bool(a.mediation()));
    items.put("assessmentTribunal", mapping.bool(a.tribunal()));
    items.put("exceptions", mapping.bool(a.exceptions()));
    return items;
  }

  private Map<String, String> namedPlanItems(NamedPlan n) {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("startDate", date(n.startDate()));
    items.put("residential", mapping.bool(n.residential()));
    items.put("workBasedLearning", mapping.bool(n.workBasedLearning()));
    String budget = n.personalBudget();
    items.put("personalBudget", budget == null ? null : mapping.bool(!budget.equals("NONE")));
    items.put("organisedArrangements", budget == null ? null : mapping.bool(budget.equals("OA") || budget.equals("BOTH")));
    items.put("directPayments", budget == null ? null : mapping.bool(budget.equals("DP") || budget.equals("BOTH")));
    items.put("ceaseDate", date(n.ceaseDate()));
    items.put("ceaseReason", n.ceaseReason());
    return items;
  }

  private Map<String, String> planDetailItems(NamedPlan n) {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("urn", n.detail().urn());
    items.put("ukprn", n.detail().ukprn());
    items.put("settingType", n.detail().settingType());
    items.put("placementRank", Integer.toString(n.detail().placementRank()));
    items.put("senUnit", mapping.bool(n.detail().senUnit()));
    items.put("resourcedProvision", mapping.bool(n.detail().resourcedProvision()));
    return items;
  }

  private Map<String, String> activePlanItems(ActivePlan a) {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("transferredIn", a.transferredInLa());
    items.put("reviewMeeting", date(a.reviewMeeting()));
    items.put("reviewDecision", a.reviewDecision() == null ? null : mapping.code("reviewDecision", a.reviewDecision()));
    items.put("finalPlanDate", date(a.amendedPlanDate()));
    items.put("transferDue", date(a.transferDue()));
    return items;
  }

  private Map<String, String> placementItems(Sen2Return.Placement p) {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("urn", p.urn());
    items.put("ukprn", p.ukprn());
    items.put("settingType", p.settingType());
    items.put("placementRank", Integer.toString(p.placementRank()));
    items.put("entryDate", date(p.entryDate()));
    items.put("leavingDate", date(p.leavingDate()));
    items.put("senUnit", mapping.bool(p.senUnit()));
    items.put("resourcedProvision", mapping.bool(p.resourcedProvision()));
    return items;
  }

  private Element child(Document doc, org.w3c.dom.Node parent, String item) {
    Element element = doc.createElement(mapping.element(item));
    parent.appendChild(element);
    return element;
  }

  private Element element(Document doc, Element parent, String item) {
    return child(doc, parent, item);
  }

  /** An item with a value; an item without one is left out. */
  private void text(Document doc, Element parent, String item, String value) {
    if (value != null && !value.isBlank()) {
      child(doc, parent, item).setTextContent(value);
    }
  }

  private static String date(LocalDate day) {
    return day == null ? null : day.toString();
  }

  private static String serialise(Document doc) throws TransformerException {
    TransformerFactory factory = TransformerFactory.newInstance();
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    Transformer transformer = factory.newTransformer();
    transformer.setOutputProperty(OutputKeys.INDENT, "yes");
    transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
    StringWriter out = new StringWriter();
    transformer.transform(new DOMSource(doc), new StreamResult(out));
    return out.toString();
  }
}
