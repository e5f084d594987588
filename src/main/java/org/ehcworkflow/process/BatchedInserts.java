package org.ehcworkflow.process;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * On PostgreSQL, the driver sends a JDBC batch of inserts into one table as one multi-row insert
 * ({@code reWriteBatchedInserts}). The engine flushes each command's rows as batches per table (a timer's history,
 * a new case's variables and their history), so PostgreSQL executes a few statements where it executed one per
 * row. Camunda supports it: an insert's row count is the one result it does not check (optimistic locking counts
 * updates and deletes, never rewritten). The project's own batches stay exact: the driver rewrites only
 * {@code insert ... values}, and the register's {@code insert ... select ... where not exists}, whose counts say
 * which plans were new, is not one.
 *
 * <p>Added to the application's database URL ({@code spring.datasource.url}) before any pool is built from it, when
 * the URL is PostgreSQL's and does not name the setting already: a council turns it off with
 * {@code ?reWriteBatchedInserts=false} in its URL. Other databases' URLs are left as they are.
 */
public class BatchedInserts implements BeanPostProcessor {

  static final String PROPERTY = "reWriteBatchedInserts";

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSourceProperties database) {
      database.setUrl(withBatchedInserts(database.getUrl()));
    }
    return bean;
  }

  /** The URL with the setting added, if it is PostgreSQL's and does not name it; otherwise the URL as it was. */
  static String withBatchedInserts(String url) {
    if (url == null || !url.startsWith("jdbc:postgresql:") || url.contains(PROPERTY)) {
      return url;
    }
    return url + (url.indexOf('?') < 0 ? "?" : "&") + PROPERTY + "=true";
  }
}
