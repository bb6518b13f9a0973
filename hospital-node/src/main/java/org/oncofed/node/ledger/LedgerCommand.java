package org.oncofed.node.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.oncofed.common.audit.AuditJson;
import org.oncofed.common.audit.AuditVerdict;
import org.oncofed.common.audit.CheckpointVerifier;
import org.oncofed.common.audit.LedgerEntry;
import org.oncofed.common.audit.LedgerEntryType;
import org.oncofed.common.audit.LedgerFile;
import org.oncofed.common.tls.KeyMaterialException;
import org.oncofed.common.tls.PemFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code node ledger show|verify|export}: reads the site's ledger file directly (the node may be
 * running), for the site's own staff and for the auditor who cross-checks it.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
    description = "The site's ledger of everything that left it: show it, verify it, export it for an auditor.",
    subcommands = {LedgerCommand.Show.class, LedgerCommand.Verify.class, LedgerCommand.Export.class})
public final class LedgerCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Options shared by the subcommands. */
  static final class Location {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "oncofed-work/node",
        description = "The node's data folder (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    Path file() {
      return dataDir.resolve(NodeLedger.FOLDER).resolve(NodeLedger.FILE_NAME);
    }

    /** Reads and verifies the ledger; null (with a message) if there is none. */
    LedgerFile.Contents read(CheckpointVerifier checkpoints) throws IOException {
      try {
        return LedgerFile.read(file(), "ledger", checkpoints);
      } catch (NoSuchFileException e) {
        System.err.println("node ledger: no ledger at " + file() + " (has a node run with data folder " + dataDir + "?)");
        return null;
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "List the ledger's entries.")
  static final class Show implements Callable<Integer> {

    @Mixin Location location;

    @Option(names = "--json", description = "Print the entries as JSON Lines.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      LedgerFile.Contents contents = location.read(null);
      if (contents == null) {
        return 3;
      }
      for (LedgerFile.Line line : contents.lines()) {
        System.out.println(json ? LedgerFile.entryLine(line.entry(), line.hash()) : describe(line.entry()));
      }
      if (!contents.verdict().valid()) {
        System.err.println("node ledger: " + contents.verdict().summary());
        return 1;
      }
      return 0;
    }

    static String describe(LedgerEntry entry) {
      String what = switch (entry.type()) {
        case UPDATE_SENT -> "update " + abbreviate(entry.details().get("updateSha256")) + " "
            + entry.details().get("sizeBytes") + " bytes, " + entry.details().get("sampleCount") + " samples, privacy "
            + AuditJson.encode(entry.details().get("privacy"));
        case EVALUATION_SENT -> "evaluation of model " + abbreviate(entry.details().get("modelSha256")) + " on "
            + entry.details().get("split") + ", " + entry.details().get("examples") + " examples";
        case CHECKPOINT_RECEIVED -> {
          var checkpoint = entry.signedCheckpoint().checkpoint();
          yield "checkpoint " + checkpoint.number() + " of the coordinator's trail at sequence " + checkpoint.sequence()
              + " (" + checkpoint.reason() + ")";
        }
        case ANSWER_RECEIVED -> Boolean.TRUE.equals(entry.details().get("accepted"))
            ? "accepted by the coordinator"
            : "refused by the coordinator: " + entry.details().get("reason");
        case PLAN_DECIDED -> "plan " + abbreviate(entry.details().get("planSha256")) + " "
            + entry.details().get("decision") + " by " + entry.details().get("decidedBy");
        case TASK_DECLINED -> "declined: " + entry.details().get("reason")
            + (entry.details().containsKey("planSha256") ? " (plan " + abbreviate(entry.details().get("planSha256")) + ")"
                : "");
      };
      String context = switch (entry.type()) {
        case CHECKPOINT_RECEIVED -> "";
        case PLAN_DECIDED -> "  " + entry.experimentId();
        default -> "  " + entry.experimentId() + " round " + entry.round() + " task " + entry.taskId();
      };
      return String.format("%5d  %s  %-19s %s%s", entry.sequence(), AuditJson.time(entry.time()), entry.type(), what,
          context);
    }

    private static String abbreviate(Object hash) {
      String text = String.valueOf(hash);
      return text.length() > 12 ? text.substring(0, 12) + "..." : text;
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check the ledger's hash chain and the signatures of the checkpoints it holds. Exit 0 if intact.")
  static final class Verify implements Callable<Integer> {

    @Mixin Location location;

    @Option(names = "--ca", paramLabel = "CA.pem", defaultValue = "oncofed-work/pki/ca.pem",
        description = "The project CA that must have issued the coordinator's certificate (default: ${DEFAULT-VALUE}).")
    Path ca;

    @Override
    public Integer call() throws IOException {
      CheckpointVerifier checkpoints;
      try {
        checkpoints = new CheckpointVerifier(PemFiles.readCertificate(ca));
      } catch (KeyMaterialException e) {
        System.err.println("node ledger: " + e.getMessage());
        return 2;
      }
      LedgerFile.Contents contents = location.read(checkpoints);
      if (contents == null) {
        return 3;
      }
      AuditVerdict verdict = contents.verdict();
      if (!verdict.valid()) {
        System.out.println(verdict.summary());
        return 1;
      }
      Map<LedgerEntryType, Long> counts = contents.entries().stream()
          .collect(Collectors.groupingBy(LedgerEntry::type, () -> new EnumMap<>(LedgerEntryType.class), Collectors.counting()));
      System.out.println("VALID: ledger of site " + contents.siteId() + ", " + count(verdict.events(), "entry", "entries")
          + " (" + count(counts.getOrDefault(LedgerEntryType.UPDATE_SENT, 0L), "update", "updates") + " sent, "
          + count(counts.getOrDefault(LedgerEntryType.EVALUATION_SENT, 0L), "evaluation", "evaluations") + " sent, "
          + count(counts.getOrDefault(LedgerEntryType.CHECKPOINT_RECEIVED, 0L), "signed checkpoint", "signed checkpoints")
          + " received), chain head " + verdict.chainHead().substring(0, 16) + "...");
      return 0;
    }

    private static String count(long n, String one, String many) {
      return n + " " + (n == 1 ? one : many);
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Copy the ledger's complete lines to a file for an auditor (for audit verify --node-ledger).")
  static final class Export implements Callable<Integer> {

    @Mixin Location location;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the copy.")
    Path out;

    @Override
    public Integer call() throws IOException {
      LedgerFile.Contents contents = location.read(null);
      if (contents == null) {
        return 3;
      }
      byte[] bytes = Files.readAllBytes(location.file());
      Files.write(out, Arrays.copyOf(bytes, (int) contents.completeBytes()));
      System.out.println("Wrote the ledger of site " + contents.siteId() + " (" + contents.lines().size()
          + " entries) to " + out);
      if (!contents.verdict().valid()) {
        System.err.println("node ledger: the copy is damaged: " + contents.verdict().summary());
        return 1;
      }
      return 0;
    }
  }
}
