package org.ehcworkflow.document;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The plan's content, documents in the database, and the records system adapter when one is configured. */
@Configuration
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentConfiguration {

  @Bean
  PlanContent planContent(JdbcTemplate jdbc) {
    return new JdbcPlanContent(jdbc);
  }

  @Bean
  Documents documents(JdbcTemplate jdbc, PlanContent plans, ApplicationEventPublisher events) {
    return new JdbcDocuments(jdbc, plans, new PdfRenderer(), events::publishEvent);
  }

  @Bean
  DocumentStore documentStore(DocumentProperties properties) {
    DocumentProperties.Service service = properties.service();
    if (!service.configured()) {
      return (key, document, content) -> {
        throw new IllegalStateException("no records system is configured (ehc.documents.service.base-url)");
      };
    }
    return new HttpDocumentServiceAdapter(service.baseUrl(), service.username(), service.password(),
        service.timeout());
  }

  /** The step of {@code ehc-document-filing}. */
  @Bean
  FileDocumentDelegate fileDocument(Documents documents, DocumentStore store) {
    return new FileDocumentDelegate(documents, store);
  }
}
