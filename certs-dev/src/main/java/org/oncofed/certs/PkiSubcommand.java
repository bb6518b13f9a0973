package org.oncofed.certs;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code certs} subcommand shares: the {@code --dir} option and the mapping of failures
 * to exit codes. Bad arguments exit with 2, like picocli's own usage errors; a PKI in the wrong
 * state (CA exists, name taken, file missing) exits with 1. Both print one line naming what is
 * wrong, without a stack trace.
 */
abstract class PkiSubcommand implements Callable<Integer> {

  static final int EXIT_PKI_STATE = 1;
  static final int EXIT_BAD_ARGUMENT = 2;

  @Option(
      names = "--dir",
      paramLabel = "PKI_DIR",
      defaultValue = "oncofed-work/pki",
      description = "PKI directory, relative to the working directory (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    try {
      execute();
      return 0;
    } catch (IllegalArgumentException e) {
      err().println("error: " + e.getMessage());
      err().println("See '" + spec.qualifiedName() + " --help'.");
      return EXIT_BAD_ARGUMENT;
    } catch (PkiException e) {
      err().println("error: " + e.getMessage());
      return EXIT_PKI_STATE;
    } catch (UncheckedIOException e) {
      err().println("error: " + e.getMessage() + ": " + e.getCause().getMessage());
      return EXIT_PKI_STATE;
    } finally {
      out().flush();
    }
  }

  abstract void execute();

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  void printCredential(String what, Credential credential) {
    X509Certificate x509 = credential.x509();
    out().printf("Issued %s certificate for %s%n", what, credential.name());
    out().printf("  certificate  %s%n", credential.certificate());
    out().printf("  private key  %s (mode 0600)%n", credential.privateKey());
    out().printf("  subject      %s%n", x509.getSubjectX500Principal().getName());
    out()
        .printf(
            "  serial       %s, valid until %s%n",
            IssuedCertificate.formatSerial(x509.getSerialNumber()), x509.getNotAfter().toInstant());
  }
}
