package org.oncofed.client.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLException;
import org.oncofed.client.rest.ApiException;
import org.oncofed.client.rest.CoordinatorApiClient;
import org.oncofed.common.cli.Failures;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * An {@code experiment} subcommand that talks to the coordinator. Turns every failure into one
 * line on standard error, prefixed with the command, and an exit code from {@link ExitCodes}.
 */
abstract class ApiCommand implements Callable<Integer> {

  @Mixin private ConnectionOptions connection;

  @Spec private CommandSpec spec;

  @Override
  public final Integer call() {
    ConnectionOptions.Connection resolved = null;
    try {
      checkInputs();
      resolved = connection.resolve(System.getenv());
      return run(resolved.connect());
    } catch (BadInputException e) {
      return fail(ExitCodes.USAGE, e.getMessage());
    } catch (ApiException e) {
      return fail(ExitCodes.REFUSED, ApiErrors.describe(e));
    } catch (SSLException e) {
      return fail(ExitCodes.UNREACHABLE, "TLS handshake with " + resolved.coordinator() + " failed: " + describe(e)
          + " (is your certificate issued by the CA in " + resolved.ca() + " and not revoked?)");
    } catch (IOException e) {
      return fail(ExitCodes.UNREACHABLE, "cannot reach the coordinator at " + resolved.coordinator() + ": "
          + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(ExitCodes.UNREACHABLE, "interrupted");
    } finally {
      out().flush();
    }
  }

  /** Checks local inputs (files, values) before connecting, throwing {@link BadInputException}. */
  void checkInputs() {}

  /** Does the work; returns the exit code. */
  abstract int run(CoordinatorApiClient api) throws IOException, InterruptedException;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Prints one line to standard error, prefixed with the command ("experiment create: ..."). */
  int fail(int exitCode, String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(name() + ": " + message);
    err.flush();
    return exitCode;
  }

  private String name() {
    return spec.parent() == null ? spec.name() : spec.parent().name() + " " + spec.name();
  }

  /** "connection refused" rather than an empty message or a class name. */
  private static String describe(IOException e) {
    if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
      return "unknown host";
    }
    if (hasCause(e, HttpConnectTimeoutException.class)) {
      return "connection timed out";
    }
    if (hasCause(e, ConnectException.class)) {
      return "connection refused (is the coordinator running, and is this its REST port?)";
    }
    String message = Failures.rootMessage(e);
    return message.equals(e.toString()) ? e.getClass().getSimpleName() : message;
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
