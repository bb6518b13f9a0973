package org.oncofed.client.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oncofed.client.rest.CoordinatorApiClient;
import org.oncofed.common.audit.AuditProblem;
import org.oncofed.common.audit.AuditVerdict;
import org.oncofed.common.audit.ExportVerifier;
import org.oncofed.common.audit.LedgerCrossCheck;
import org.oncofed.common.cli.Failures;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.tls.KeyMaterialException;
import org.oncofed.common.tls.PemFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code audit verify} and {@code audit export}: the auditor's tools. Verification is offline and
 * trusts only the CA certificate given.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Auditor tools: download the coordinator's audit export, verify an export offline.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
public final class AuditCommand implements Runnable {

  /** Exit code when the input is intact. */
  static final int VALID = 0;
  /** Exit code when a record was altered, removed, inserted, reordered or cut off, or a ledger disagrees. */
  static final int INVALID = 1;
  /** Exit code when verification could not run (a file missing or unreadable). */
  static final int CANNOT_VERIFY = 2;

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify an audit export offline: hash chain, sequence, checkpoint signatures by a coordinator "
          + "certificate of the CA, and agreement with site ledgers. Exit 0 if intact, 1 naming the first bad "
          + "record otherwise, 2 if the files cannot be read.")
  static final class Verify implements Callable<Integer> {

    @Parameters(paramLabel = "EXPORT", description = "The export file (JSON Lines) from audit export.")
    Path export;

    @Option(names = "--ca", paramLabel = "CA.pem", required = true,
        description = "The project CA certificate: the only thing trusted.")
    Path ca;

    @Option(names = "--node-ledger", paramLabel = "FILE",
        description = "A site's ledger (from node ledger export) to cross-check; repeat for several sites.")
    List<Path> ledgers = List.of();

    @Option(names = "--json", description = "Print the verdict as JSON.")
    boolean json;

    @Override
    public Integer call() {
      AuditVerdict verdict;
      try {
        X509Certificate authority = PemFiles.readCertificate(ca);
        verdict = ledgers.isEmpty()
            ? new ExportVerifier(authority).verify(export)
            : new LedgerCrossCheck(authority).verify(export, ledgers);
      } catch (NoSuchFileException e) {
        System.err.println("audit verify: file not found: " + e.getFile());
        return CANNOT_VERIFY;
      } catch (IOException | KeyMaterialException e) {
        System.err.println("audit verify: " + Failures.rootMessage(e));
        return CANNOT_VERIFY;
      }
      System.out.println(json ? json(verdict) : verdict.summary());
      return verdict.valid() ? VALID : INVALID;
    }

    private static String json(AuditVerdict verdict) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("valid", verdict.valid());
      out.put("summary", verdict.summary());
      out.put("events", verdict.events());
      out.put("checkpoints", verdict.checkpoints());
      out.put("chainHead", verdict.chainHead());
      out.put("signers", verdict.signers());
      AuditProblem problem = verdict.problem();
      if (problem != null) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", problem.kind().name());
        detail.put("location", problem.location());
        detail.put("sequence", problem.sequence());
        detail.put("message", problem.message());
        out.put("problem", detail);
      }
      out.put("notes", verdict.notes());
      try {
        return CanonicalJson.mapper().writeValueAsString(out);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot render the verdict as JSON", e);
      }
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Download the coordinator's audit export with an auditor certificate.")
  static final class Export implements Callable<Integer> {

    @Option(names = "--coordinator", paramLabel = "URL", required = true,
        description = "The coordinator's REST API, e.g. https://localhost:8443")
    URI coordinator;

    @Option(names = "--cert", paramLabel = "FILE", required = true, description = "Your auditor certificate (PEM).")
    Path certificate;

    @Option(names = "--key", paramLabel = "FILE", required = true, description = "Its private key (PKCS#8 PEM).")
    Path key;

    @Option(names = "--ca", paramLabel = "CA.pem", required = true, description = "The project CA certificate.")
    Path ca;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the export.")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
      try {
        long bytes = CoordinatorApiClient.connect(coordinator, certificate, key, ca).exportAudit(out);
        System.out.println("Wrote " + describe(out) + " (" + bytes + " bytes) to " + out);
        System.out.println("Verify it offline with: audit verify " + out + " --ca " + ca);
        return VALID;
      } catch (IOException | RuntimeException e) {
        System.err.println("audit export: " + Failures.rootMessage(e));
        return CANNOT_VERIFY;
      }
    }

    /** What the export's header announces, e.g. {@code 12 events and 3 checkpoints}. */
    private static String describe(Path file) throws IOException {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String header = reader.readLine();
        if (header == null) {
          return "an empty export";
        }
        var node = CanonicalJson.parse(header);
        return node.path("events").asLong() + " events and " + node.path("checkpoints").asLong() + " checkpoints";
      }
    }
  }
}
