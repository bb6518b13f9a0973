package org.oncofed.coordinator.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.DevPki;
import org.oncofed.common.audit.AuditEntry;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.audit.AuditVerdict;
import org.oncofed.coordinator.RunningCoordinator;

/**
 * The tamper suite against the coordinator's own database: rows are altered with plain JDBC, as
 * someone with database access would, and the coordinator's verification must name the row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseTamperTest extends TrailTamperContract {

  private RunningCoordinator coordinator;
  private DataSource database;

  @BeforeAll
  void recordSampleTrail(@TempDir Path dir) throws SQLException {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    coordinator = RunningCoordinator.start(pki, dir.resolve("data"));
    AuditTrail trail = coordinator.context().getBean(AuditTrail.class);
    SampleTrail.record(trail);
    trail.checkpoint("test seal");
    // The bean hands out connections bound to the current transaction; the test wants its own.
    database = DelegatingDataSource.unwrapDataSource(coordinator.context().getBean(DataSource.class));
    sql("CREATE TABLE pristine_event AS SELECT * FROM audit_event");
  }

  @AfterAll
  void stopCoordinator() {
    coordinator.close();
  }

  @AfterEach
  void restoreRows() throws SQLException {
    sql("DELETE FROM audit_event");
    sql("ALTER TABLE audit_event ADD CONSTRAINT IF NOT EXISTS audit_event_seq_unique UNIQUE (seq)");
    sql("INSERT INTO audit_event SELECT * FROM pristine_event");
  }

  @Override
  AuditVerdict verify() {
    return coordinator.context().getBean(StoredTrailVerifier.class).verify();
  }

  @Override
  String edit(long sequence) throws SQLException {
    sql("UPDATE audit_event SET actor = 'mallory' WHERE seq = " + sequence);
    return "audit_event id " + sequence;
  }

  @Override
  String delete(long sequence) throws SQLException {
    sql("DELETE FROM audit_event WHERE seq = " + sequence);
    return "audit_event id " + (sequence + 1);
  }

  @Override
  String insertCopy(long sequence) throws SQLException {
    // Someone with database access can drop a constraint as easily as change a row.
    sql("ALTER TABLE audit_event DROP CONSTRAINT audit_event_seq_unique");
    sql("INSERT INTO audit_event (seq, event_time, event_type, actor, experiment_id, round_number, site_id,"
        + " details_json, hash) SELECT seq, event_time, event_type, actor, experiment_id, round_number, site_id,"
        + " details_json, hash FROM audit_event WHERE seq = " + sequence);
    return "audit_event id " + (SampleTrail.EVENTS + 1);
  }

  @Override
  String swap(long first, long second) throws SQLException {
    sql("UPDATE audit_event SET seq = -1 WHERE seq = " + first);
    sql("UPDATE audit_event SET seq = " + first + " WHERE seq = " + second);
    sql("UPDATE audit_event SET seq = " + second + " WHERE seq = -1");
    return "audit_event id " + first;
  }

  @Override
  String truncateAfter(long sequence) throws SQLException {
    sql("DELETE FROM audit_event WHERE seq > " + sequence);
    return "audit_checkpoint number 3";
  }

  @Override
  String editAndRehash(long sequence) throws SQLException {
    AuditRepository repository = coordinator.context().getBean(AuditRepository.class);
    List<StoredEvent> rows = repository.eventsInSequence(0, Long.MAX_VALUE, 100);
    String previous = rows.get((int) sequence - 2).hash();
    try (Connection connection = database.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE audit_event SET actor = ?, hash = ? WHERE seq = ?")) {
      for (StoredEvent row : rows.subList((int) sequence - 1, rows.size())) {
        AuditEvent event = row.toEntry().event();
        if (event.sequence() == sequence) {
          event = new AuditEvent(event.sequence(), event.time(), event.type(), "mallory", event.experimentId(),
              event.round(), event.siteId(), event.details());
        }
        AuditEntry forged = AuditEntry.link(previous, event);
        update.setString(1, event.actor());
        update.setString(2, forged.hash());
        update.setLong(3, event.sequence());
        update.executeUpdate();
        previous = forged.hash();
      }
    }
    return "audit_checkpoint number 2";
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = database.getConnection(); Statement jdbc = connection.createStatement()) {
      jdbc.execute(statement);
    }
  }
}
