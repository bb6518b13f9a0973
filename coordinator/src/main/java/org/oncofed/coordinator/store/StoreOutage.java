package org.oncofed.coordinator.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure caused by the database being unreachable (the connection lost, the server
 * restarting, no connection available) from a bad request or a bug: work interrupted by an
 * outage can be resumed from what was committed once the database is back.
 */
public final class StoreOutage {

  /** PostgreSQL: the server shut the connection down, or cannot accept one yet. */
  private static final Set<String> SERVER_STATES = Set.of("57P01", "57P02", "57P03");

  private StoreOutage() {}

  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          // SQL state class 08: connection exception.
          && (sql.getSQLState().startsWith("08") || SERVER_STATES.contains(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
