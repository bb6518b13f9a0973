package org.oncofed.coordinator.store;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes the path in an embedded H2 URL ({@code jdbc:h2:file:} or {@code jdbc:h2:async:}) absolute.
 * H2 refuses paths relative to the working directory, yet a relative data folder is the natural
 * default for a coordinator started in place.
 */
@Singleton
class H2FilePaths implements BeanCreatedEventListener<DatasourceConfiguration> {

  private static final List<String> PREFIXES = List.of("jdbc:h2:file:", "jdbc:h2:async:");

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration configuration = event.getBean();
    String url = configuration.getUrl();
    if (url != null) {
      configuration.setUrl(absolute(url));
    }
    return configuration;
  }

  static String absolute(String url) {
    String prefix = PREFIXES.stream().filter(url::startsWith).findFirst().orElse(null);
    if (prefix == null) {
      return url;
    }
    String rest = url.substring(prefix.length());
    int options = rest.indexOf(';');
    String path = options < 0 ? rest : rest.substring(0, options);
    if (path.startsWith("~") || path.startsWith("mem:")) {
      return url;
    }
    return prefix + Path.of(path).toAbsolutePath().normalize() + (options < 0 ? "" : rest.substring(options));
  }
}
