package org.oncofed.common.cli;

import java.util.HashSet;
import java.util.Set;

/** Turns an exception into the one line an operator needs, rather than a stack trace. */
public final class Failures {

  private Failures() {}

  /**
   * The message of the innermost cause that has one: frameworks wrap the real problem ("key file
   * not found") in layers of "error instantiating bean" that say nothing to an operator.
   */
  public static String rootMessage(Throwable error) {
    String message = error.toString();
    Set<Throwable> seen = new HashSet<>();
    for (Throwable current = error; current != null && seen.add(current); current = current.getCause()) {
      if (current.getMessage() != null && !current.getMessage().isBlank()) {
        message = current.getMessage();
      }
    }
    return message;
  }
}
