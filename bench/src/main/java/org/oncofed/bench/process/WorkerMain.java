package org.oncofed.bench.process;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The child side of {@link Worker}: answers the parent's commands, one per line, until
 * {@code quit}. Standard output is taken for the protocol, and {@code System.out} is pointed at
 * standard error so that logging cannot be mistaken for an answer.
 */
public final class WorkerMain {

  /** Handles one command line and returns the answer. */
  @FunctionalInterface
  public interface Handler {
    String handle(String command) throws Exception;
  }

  private final PrintStream protocol;

  private WorkerMain(PrintStream protocol) {
    this.protocol = protocol;
  }

  /** Redirects {@code System.out}; call first thing in {@code main}. */
  public static WorkerMain claimStandardOutput() {
    PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    return new WorkerMain(protocol);
  }

  public void answer(String text) {
    protocol.println(Worker.PREFIX + "ok " + text);
  }

  public void fail(Throwable error) {
    error.printStackTrace();
    String message = String.valueOf(error.getMessage()).replace('\n', ' ');
    protocol.println(Worker.PREFIX + "error " + error.getClass().getSimpleName() + ": " + message);
  }

  /** Serves commands until {@code quit} or the end of standard input. */
  public void serve(Handler handler) throws Exception {
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = commands.readLine(); line != null && !line.equals("quit"); line = commands.readLine()) {
      try {
        answer(handler.handle(line));
      } catch (Exception | Error e) {
        fail(e);
      }
    }
  }
}
