package org.oncofed.bench.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child process the suite talks to line by line: it sends a command on the child's standard
 * input and waits for the child's answer, a standard output line starting with {@link #PREFIX}
 * (anything else on standard output, such as native libraries printing, is copied to the log).
 * Standard error goes to the log file, whose last lines are quoted when the child fails.
 */
public final class Worker implements AutoCloseable {

  /** Marks the lines of the protocol among whatever else a child prints. */
  public static final String PREFIX = "@bench ";

  private static final String END = "\u0000end";

  private final String name;
  private final Process process;
  private final Path log;
  private final BufferedWriter input;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

  private Worker(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.input = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    Thread reader = new Thread(this::readOutput, name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code command} with extra environment variables; its standard error goes to {@code log}. */
  public static Worker start(String name, List<String> command, Map<String, String> environment, Path log)
      throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    return new Worker(name, builder.start(), log);
  }

  /** The command for a Java main class on a class path, with the JVM this suite runs on. */
  public static List<String> java(RuntimeClasspath classpath, List<String> jvmOptions, Class<?> mainClass,
      List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath.argument());
    command.add(mainClass.getName());
    command.addAll(arguments);
    return command;
  }

  public String name() {
    return name;
  }

  /** Sends a command and returns the answer without its prefix; fails when the child answers {@code error}. */
  public String call(String command, Duration timeout) throws IOException, InterruptedException {
    send(command);
    return answer(timeout);
  }

  public void send(String command) throws IOException {
    input.write(command);
    input.newLine();
    input.flush();
  }

  /** The next answer line; fails when the child reports an error, exits or stays silent past the timeout. */
  public String answer(Duration timeout) throws IOException, InterruptedException {
    String line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new IOException(name + " gave no answer within " + timeout + "; last lines of " + log + ":\n" + tail());
    }
    if (line.equals(END)) {
      answers.add(END);
      throw new IOException(name + " exited (code " + process.waitFor() + "); last lines of " + log + ":\n" + tail());
    }
    if (line.startsWith("error ")) {
      throw new IOException(name + ": " + line.substring("error ".length()));
    }
    return line.startsWith("ok") ? line.substring(2).trim() : line;
  }

  @Override
  public void close() throws InterruptedException {
    try {
      send("quit");
    } catch (IOException alreadyGone) {
      // the process has ended; nothing to tell it
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private void readOutput() {
    try (BufferedReader output = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        if (line.startsWith(PREFIX)) {
          answers.add(line.substring(PREFIX.length()));
        } else {
          Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
              java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
      }
    } catch (IOException e) {
      // the stream closes when the process ends
    } finally {
      answers.add(END);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }
}
