package org.oncofed.coordinator.web;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * An H2 trigger on {@code audit_event} that fails every insert by {@value #ACTOR}, as a database
 * failing in the middle of a request would; the failure text names SQL that must never reach a
 * caller.
 */
public final class FailingAuditInsert implements Trigger {

  static final String ACTOR = "unlucky";
  static final String FAILURE = "INSERT INTO audit_event refused by trigger";
  private static final int ACTOR_COLUMN = 4;

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    if (ACTOR.equals(newRow[ACTOR_COLUMN])) {
      throw new SQLException(FAILURE);
    }
  }
}
