package org.oncofed.bench.measure;

/** One part of the suite; it adds its comparisons (or the reason it skipped them) to the report. */
public interface Benchmark {

  /** Short name used by {@code --only} and in the table. */
  String name();

  void run(BenchReport report) throws Exception;
}
