package org.oncofed.node.pacs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * Where the hospital's PACS answers DICOMweb and how to log in, from the node configuration:
 *
 * <pre>
 * oncofed:
 *   node:
 *     pacs:
 *       url: http://pacs.example.org:8042/dicom-web
 *       username: oncofed
 *       password-file: /etc/oncofed/pacs-password
 * </pre>
 *
 * The password is read from a file, never given on a command line where other users could see it.
 * HTTPS uses the JVM's trust store ({@code javax.net.ssl.trustStore}).
 *
 * @param url the DICOMweb base (QIDO-RS and WADO-RS paths are appended to it)
 */
record PacsConnection(URI url, Optional<String> username, Optional<String> password, Duration timeout) {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** Reads {@code oncofed.node.pacs} from a node configuration file; {@code url} overrides its URL. */
  static PacsConnection fromConfig(Path config, Optional<String> url) throws IOException {
    Map<?, ?> pacs = config == null ? Map.of() : pacsSection(config);
    String base = url.orElseGet(() -> text(pacs, "url", config));
    if (base == null) {
      throw new IllegalArgumentException("no PACS URL: set oncofed.node.pacs.url in the node configuration or give --url");
    }
    Optional<String> username = Optional.ofNullable(text(pacs, "username", config));
    String passwordFile = text(pacs, "password-file", config);
    Optional<String> password = Optional.empty();
    if (passwordFile != null) {
      password = Optional.of(Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip());
    }
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("oncofed.node.pacs: username and password-file go together; " + config
          + " has only " + (username.isPresent() ? "username" : "password-file"));
    }
    return new PacsConnection(parse(base), username, password, DEFAULT_TIMEOUT);
  }

  private static Map<?, ?> pacsSection(Path config) throws IOException {
    Object root;
    try (InputStream in = Files.newInputStream(config)) {
      root = new Yaml().load(in);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(config + " is not readable YAML: " + e.getMessage(), e);
    }
    return section(section(section(root, "oncofed", config), "node", config), "pacs", config);
  }

  private static URI parse(String base) {
    try {
      URI uri = new URI(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("PACS URL '" + base + "' must be http:// or https:// with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("PACS URL '" + base + "' is not a URL: " + e.getMessage(), e);
    }
  }

  private static Map<?, ?> section(Object node, String key, Path config) {
    if (node == null) {
      return Map.of();
    }
    if (!(node instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(config + ": expected a section of settings above '" + key + "'");
    }
    Object child = map.get(key);
    if (child != null && !(child instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(config + ": '" + key + "' must be a section of settings");
    }
    return child == null ? Map.of() : (Map<?, ?>) child;
  }

  private static String text(Map<?, ?> pacs, String key, Path config) {
    Object value = pacs.get(key);
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException(config + ": oncofed.node.pacs." + key + " must be text, found " + value);
    }
    return (String) value;
  }
}
