package org.oncofed.coordinator.store;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Makes the path in an embedded H2 file URL absolute. H2 refuses paths relative to the working
 * directory, yet a relative data folder is the natural default for a coordinator started in place.
 */
@Singleton
class H2FilePaths implements BeanCreatedEventListener<DatasourceConfiguration> {

  private static final String PREFIX = "jdbc:h2:file:";

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration configuration = event.getBean();
    String url = configuration.getUrl();
    if (url != null && url.startsWith(PREFIX)) {
      configuration.setUrl(absolute(url));
    }
    return configuration;
  }

  static String absolute(String url) {
    String rest = url.substring(PREFIX.length());
    int options = rest.indexOf(';');
    String path = options < 0 ? rest : rest.substring(0, options);
    if (path.startsWith("~") || path.startsWith("mem:")) {
      return url;
    }
    return PREFIX + Path.of(path).toAbsolutePath().normalize() + (options < 0 ? "" : rest.substring(options));
  }
}
