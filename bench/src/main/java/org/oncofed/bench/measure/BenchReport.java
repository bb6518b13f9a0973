package org.oncofed.bench.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Everything one run produced: comparisons, benchmarks or cases that could not run (with the
 * reason), notes, the machine and its load before and after. Written as JSON for tracking figures
 * across runs.
 */
public final class BenchReport {

  /** A comparison that could not be made, and why (for example PyTorch missing). */
  public record Skipped(String benchmark, String label, String reason) {}

  private final Machine machine;
  private final boolean quick;
  private final PrintStream progress;
  private final Instant started;
  private final double[] loadBefore;
  private final List<Comparison> comparisons = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private double[] loadAfter;
  private Instant finished;

  /** A report that also prints each figure to {@code progress} as it comes in. */
  public BenchReport(Machine machine, boolean quick, PrintStream progress) {
    this.machine = machine;
    this.quick = quick;
    this.progress = progress;
    this.started = Instant.now();
    this.loadBefore = Machine.loadAverage();
  }

  public synchronized void add(Comparison comparison) {
    comparisons.add(comparison);
    progress.printf(Locale.ROOT, "  %s %s: %s against %s, ratio %.2f%n", comparison.benchmark(), comparison.label(),
        ResultTable.figure(comparison.candidate(), comparison.unit()), comparison.baselineName(), comparison.ratio());
  }

  public synchronized void skip(String benchmark, String label, String reason) {
    skipped.add(new Skipped(benchmark, label, reason));
    progress.println("  skipped " + benchmark + " " + label + ": " + reason);
  }

  public synchronized void note(String note) {
    notes.add(note);
  }

  public synchronized void finish() {
    finished = Instant.now();
    loadAfter = Machine.loadAverage();
  }

  public synchronized List<Comparison> comparisons() {
    return Collections.unmodifiableList(new ArrayList<>(comparisons));
  }

  public synchronized List<Skipped> skipped() {
    return List.copyOf(skipped);
  }

  public synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  public Machine machine() {
    return machine;
  }

  public synchronized void write(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("quick", quick);
    root.put("started", started.toString());
    root.put("finished", finished == null ? null : finished.toString());
    root.set("machine", mapper.valueToTree(machine));
    root.set("loadAverageBefore", mapper.valueToTree(loadBefore));
    root.set("loadAverageAfter", mapper.valueToTree(loadAfter));
    ArrayNode results = root.putArray("comparisons");
    for (Comparison c : comparisons) {
      ObjectNode result = results.addObject();
      result.put("benchmark", c.benchmark());
      result.put("case", c.label());
      result.put("unit", c.unit());
      result.put("higherIsBetter", c.higherIsBetter());
      result.put("baseline", c.baselineName());
      result.put("ratio", c.ratio());
      if (c.goal() != null) {
        result.put("goal", c.goal());
        result.put("meetsGoal", c.meetsGoal());
      }
      result.set("candidateSamples", mapper.valueToTree(c.candidate().values()));
      result.set("baselineSamples", mapper.valueToTree(c.baseline().values()));
      result.put("candidateMedian", c.candidate().median());
      result.put("baselineMedian", c.baseline().median());
    }
    root.set("skipped", mapper.valueToTree(skipped));
    root.set("notes", mapper.valueToTree(notes));
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    mapper.writeValue(file.toFile(), root);
  }
}
