package org.oncofed.common.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A hospital node's ledger file: JSON Lines, UTF-8, every line ending in a newline.
 *
 * <ol>
 *   <li>a header: {@code {"createdAt":"...","format":"oncofed-node-ledger","kind":"header","siteId":"...","version":1}};
 *   <li>entries in sequence order: {@code {"entry":{...},"hash":"...","kind":"entry"}}, the entry in
 *       the form {@link LedgerEntry#canonical()} gives and the hash chained by {@link ChainHash}.
 * </ol>
 *
 * A last line without its newline is an append that never completed (the writer syncs each line
 * before it reports success); readers report it as a torn tail rather than as damage.
 */
public final class LedgerFile {

  public static final String FORMAT = "oncofed-node-ledger";
  public static final int VERSION = 1;
  private static final Set<String> HEADER_FIELDS = Set.of("createdAt", "format", "kind", "siteId", "version");
  private static final Set<String> ENTRY_FIELDS = Set.of("entry", "hash", "kind");

  /** An entry as read, with its stored hash and line number. */
  public record Line(long number, LedgerEntry entry, String hash) {}

  /**
   * What a ledger file holds.
   *
   * @param lines the entries that checked out, in order
   * @param verdict the chain's verification
   * @param completeBytes length of the file up to its last complete line
   * @param tornBytes bytes after it: an append interrupted by a crash
   */
  public record Contents(@Nullable String siteId, List<Line> lines, AuditVerdict verdict, long completeBytes, long tornBytes) {

    public List<LedgerEntry> entries() {
      return lines.stream().map(Line::entry).toList();
    }
  }

  private LedgerFile() {}

  public static String headerLine(String siteId, Instant createdAt) {
    SortedMap<String, Object> map = new TreeMap<>();
    map.put("createdAt", AuditJson.time(createdAt));
    map.put("format", FORMAT);
    map.put("kind", "header");
    map.put("siteId", siteId);
    map.put("version", (long) VERSION);
    return AuditJson.encode(map);
  }

  public static String entryLine(LedgerEntry entry, String hash) {
    SortedMap<String, Object> map = new TreeMap<>();
    map.put("entry", entry.toMap());
    map.put("hash", hash);
    map.put("kind", "entry");
    return AuditJson.encode(map);
  }

  /**
   * Reads and verifies a ledger: the hash chain, that every entry belongs to the header's site,
   * and, when {@code checkpoints} is given, the signature of every checkpoint the site received.
   *
   * @param name what to call the file in problem locations, e.g. {@code ledger riverside.jsonl}
   */
  public static Contents read(Path file, String name, @Nullable CheckpointVerifier checkpoints) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int complete = lastNewline(bytes) + 1;
    String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
    ChainVerifier chain = new ChainVerifier(null);
    List<Line> lines = new ArrayList<>();
    String siteId = null;
    AuditProblem signatureProblem = null;
    long number = 0;
    for (String line : text.lines().toList()) {
      number++;
      String location = name + " line " + number;
      try {
        JsonNode node = AuditJson.parse(line);
        if (number == 1) {
          siteId = header(node);
          continue;
        }
        Records.requireOnly(node, ENTRY_FIELDS, "ledger line");
        if (!"entry".equals(Records.textField(node, "kind", "ledger line"))) {
          throw new IllegalArgumentException("ledger lines after the header must be entries");
        }
        LedgerEntry entry = LedgerEntry.fromJson(Records.field(node, "entry", "ledger line"));
        String hash = Records.textField(node, "hash", "ledger line");
        if (!entry.siteId().equals(siteId)) {
          throw new IllegalArgumentException("entry for site '" + entry.siteId() + "' in the ledger of site '" + siteId + "'");
        }
        if (chain.record(location, entry.sequence(), entry.canonical(), hash)) {
          lines.add(new Line(number, entry, hash));
          if (checkpoints != null && entry.type() == LedgerEntryType.CHECKPOINT_RECEIVED && signatureProblem == null) {
            signatureProblem = checkSignature(checkpoints, entry, location);
          }
        }
      } catch (IllegalArgumentException e) {
        chain.malformed(location, e.getMessage());
      }
    }
    if (number == 0) {
      chain.malformed(name + " line 1", "the ledger has no header");
    }
    AuditVerdict verdict = chain.finish("the end of " + name, false);
    if (verdict.valid() && signatureProblem != null) {
      verdict = verdict.withProblem(signatureProblem);
    }
    return new Contents(siteId, List.copyOf(lines), verdict, complete, bytes.length - complete);
  }

  private static String header(JsonNode node) {
    Records.requireOnly(node, HEADER_FIELDS, "ledger header");
    String format = Records.textField(node, "format", "ledger header");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("not an OncoFed node ledger: format is '" + format + "', expected '" + FORMAT + "'");
    }
    long version = Records.longField(node, "version", "ledger header");
    if (version != VERSION) {
      throw new IllegalArgumentException("ledger format version " + version + " is not supported (this reader reads "
          + VERSION + ")");
    }
    AuditJson.parseTime(Records.textField(node, "createdAt", "ledger header"));
    return org.oncofed.common.SiteId.of(Records.textField(node, "siteId", "ledger header")).value();
  }

  private static AuditProblem checkSignature(CheckpointVerifier checkpoints, LedgerEntry entry, String location) {
    try {
      checkpoints.verify(entry.signedCheckpoint());
      return null;
    } catch (CheckpointRejectedException e) {
      return new AuditProblem(e.kind(), location, entry.sequence(), "received checkpoint: " + e.getMessage());
    }
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
