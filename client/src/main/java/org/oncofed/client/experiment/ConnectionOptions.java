package org.oncofed.client.experiment;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.oncofed.client.rest.CoordinatorApiClient;
import org.oncofed.common.tls.KeyMaterialException;
import picocli.CommandLine.Option;

/**
 * Where the coordinator is and who is calling: shared by every {@code experiment} subcommand.
 * Each value comes from its option, else its environment variable, else the development PKI
 * layout under {@code oncofed-work/pki}.
 */
final class ConnectionOptions {

  static final String DEFAULT_COORDINATOR = "https://localhost:8443";
  static final Path DEFAULT_CERTIFICATE = Path.of("oncofed-work/pki/users/researcher.pem");
  static final Path DEFAULT_CA = Path.of("oncofed-work/pki/ca.pem");

  @Option(names = "--coordinator", paramLabel = "URL",
      description = "Coordinator REST address (default: $ONCOFED_COORDINATOR, else " + DEFAULT_COORDINATOR + ").")
  private String coordinator;

  @Option(names = "--cert", paramLabel = "PEM",
      description = "Your client certificate (default: $ONCOFED_CERT, else oncofed-work/pki/users/researcher.pem).")
  private Path certificate;

  @Option(names = "--key", paramLabel = "PEM",
      description = "Its private key (default: $ONCOFED_KEY, else the -key.pem file beside the certificate).")
  private Path privateKey;

  @Option(names = "--ca", paramLabel = "PEM",
      description = "The project CA, the only one trusted (default: $ONCOFED_CA, else oncofed-work/pki/ca.pem).")
  private Path ca;

  /** The resolved settings, checked: the address is https, the three files exist. */
  record Connection(URI coordinator, Path certificate, Path privateKey, Path ca) {

    CoordinatorApiClient connect() {
      try {
        return CoordinatorApiClient.connect(coordinator, certificate, privateKey, ca);
      } catch (KeyMaterialException e) {
        throw new BadInputException(e.getMessage());
      }
    }
  }

  Connection resolve(Map<String, String> environment) {
    URI uri = address(pick(coordinator, variable(environment, "ONCOFED_COORDINATOR"), DEFAULT_COORDINATOR));
    Path cert = pick(certificate, path(environment, "ONCOFED_CERT"), DEFAULT_CERTIFICATE);
    Path key = pick(privateKey, path(environment, "ONCOFED_KEY"), keyBeside(cert));
    Path trusted = pick(ca, path(environment, "ONCOFED_CA"), DEFAULT_CA);
    requireFile("client certificate", cert, "--cert", "ONCOFED_CERT");
    requireFile("private key", key, "--key", "ONCOFED_KEY");
    requireFile("CA certificate", trusted, "--ca", "ONCOFED_CA");
    return new Connection(uri, cert, key, trusted);
  }

  /** {@code rita.pem} has its key in {@code rita-key.pem}, as the development PKI writes them. */
  static Path keyBeside(Path certificate) {
    String file = certificate.getFileName().toString();
    String stem = file.endsWith(".pem") ? file.substring(0, file.length() - 4) : file;
    return certificate.resolveSibling(stem + "-key.pem");
  }

  private static URI address(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new BadInputException("--coordinator is not a valid address: " + value);
    }
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new BadInputException("--coordinator must be an https://host:port address, found " + value);
    }
    return uri;
  }

  private static void requireFile(String what, Path file, String option, String variable) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(what + " not found: " + file + " (give " + option + " or set " + variable + ")");
    }
  }

  private static Path path(Map<String, String> environment, String name) {
    String value = variable(environment, name);
    return value == null ? null : Path.of(value);
  }

  private static String variable(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  private static <T> T pick(T option, T environment, T fallback) {
    return option != null ? option : environment != null ? environment : fallback;
  }
}
