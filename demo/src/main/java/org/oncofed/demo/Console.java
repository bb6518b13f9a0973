package org.oncofed.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.oncofed.api.NodeView;

/** What the demo prints: numbered steps with timestamps, details under them, tables. */
final class Console {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintStream out;
  private int step;

  Console(PrintStream out) {
    this.out = out;
  }

  void step(String text) {
    out.printf("%s [%d] %s%n", LocalTime.now().format(TIME), ++step, text);
  }

  void detail(String text) {
    out.printf("           %s%n", text);
  }

  void error(String text) {
    out.printf("%s FAILED: %s%n", LocalTime.now().format(TIME), text);
  }

  void done(String what, Duration elapsed) {
    out.printf("%s %s finished in %d s%n", LocalTime.now().format(TIME), what, elapsed.toSeconds());
  }

  void table(List<NodeView> nodes) {
    out.printf("           %-12s %-10s %-8s %-26s %s%n", "SITE", "CONNECTED", "STATE", "LAST HEARTBEAT", "BACKEND");
    for (NodeView node : nodes) {
      out.printf("           %-12s %-10s %-8s %-26s %s (%s)%n", node.siteId(), node.connected() ? "yes" : "no",
          node.state() == null ? "-" : node.state(),
          node.lastHeartbeat() == null ? "-" : node.lastHeartbeat().toString(), node.backend(), node.device());
    }
  }
}
