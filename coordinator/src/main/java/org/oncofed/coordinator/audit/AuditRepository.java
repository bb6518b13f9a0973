package org.oncofed.coordinator.audit;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oncofed.common.audit.AuditEntry;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.audit.AuditJson;
import org.oncofed.common.audit.ChainHash;
import org.oncofed.common.audit.Checkpoint;
import org.oncofed.common.audit.SignedCheckpoint;

/**
 * SQL for the audit tables. It offers inserts and reads only: there is deliberately no way to
 * update or delete an audit row through the application. Each method joins the caller's
 * transaction if there is one.
 */
@Singleton
public class AuditRepository {

  /** The chain's last event: its sequence and hash, or 0 and the genesis hash when empty. */
  record Head(long sequence, String hash) {
    static final Head EMPTY = new Head(0, ChainHash.GENESIS);
  }

  private static final String EVENT_COLUMNS =
      "id, seq, event_time, event_type, actor, experiment_id, round_number, site_id, details_json, hash";
  private static final String CHECKPOINT_COLUMNS = "number, seq, payload, signature, certificate";

  private final TransactionOperations<Connection> transactions;

  AuditRepository(TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  Head head() {
    return read("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1", statement -> {},
        rs -> new Head(rs.getLong(1), rs.getString(2))).stream().findFirst().orElse(Head.EMPTY);
  }

  void insert(AuditEntry entry) {
    AuditEvent event = entry.event();
    write("INSERT INTO audit_event (seq, event_time, event_type, actor, experiment_id, round_number, site_id,"
        + " details_json, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
          statement.setLong(1, event.sequence());
          statement.setObject(2, OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC));
          statement.setString(3, event.type().name());
          statement.setString(4, event.actor());
          statement.setString(5, event.experimentId());
          if (event.round() == null) {
            statement.setNull(6, Types.INTEGER);
          } else {
            statement.setInt(6, event.round());
          }
          statement.setString(7, event.siteId());
          statement.setString(8, AuditJson.encode(event.details()));
          statement.setString(9, entry.hash());
        });
  }

  /** Rows in storage order, for verification: {@code limit} rows after row id {@code afterId}. */
  List<StoredEvent> eventsInStorageOrder(long afterId, int limit) {
    return read("SELECT " + EVENT_COLUMNS + " FROM audit_event WHERE id > ? ORDER BY id LIMIT ?", statement -> {
      statement.setLong(1, afterId);
      statement.setInt(2, limit);
    }, AuditRepository::event);
  }

  /** Rows in sequence order with afterSequence &lt; seq &lt;= upToSequence, for exports. */
  List<StoredEvent> eventsInSequence(long afterSequence, long upToSequence, int limit) {
    return read("SELECT " + EVENT_COLUMNS + " FROM audit_event WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
        statement -> {
          statement.setLong(1, afterSequence);
          statement.setLong(2, upToSequence);
          statement.setInt(3, limit);
        }, AuditRepository::event);
  }

  public List<StoredEvent> search(AuditQuery query) {
    StringBuilder sql = new StringBuilder("SELECT " + EVENT_COLUMNS + " FROM audit_event WHERE 1 = 1");
    List<Object> values = new ArrayList<>();
    condition(sql, values, " AND experiment_id = ?", query.experimentId());
    condition(sql, values, " AND round_number = ?", query.round());
    condition(sql, values, " AND site_id = ?", query.siteId());
    condition(sql, values, " AND event_time >= ?", query.from() == null ? null : utc(query.from()));
    condition(sql, values, " AND event_time < ?", query.to() == null ? null : utc(query.to()));
    condition(sql, values, " AND seq > ?", query.afterSequence());
    if (!query.types().isEmpty()) {
      sql.append(" AND event_type IN (").append(String.join(", ", query.types().stream().map(t -> "?").toList())).append(')');
      query.types().stream().map(AuditEventType::name).sorted().forEach(values::add);
    }
    sql.append(" ORDER BY seq LIMIT ? OFFSET ?");
    values.add(query.limit());
    values.add(query.offset());
    return read(sql.toString(), statement -> {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
    }, AuditRepository::event);
  }

  public Optional<StoredCheckpoint> lastCheckpoint() {
    return read("SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY number DESC LIMIT 1",
        statement -> {}, AuditRepository::checkpoint).stream().findFirst();
  }

  /** Checkpoints numbered up to {@code upToNumber}, in number order. */
  public List<StoredCheckpoint> checkpoints(long upToNumber) {
    return read("SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint WHERE number <= ? ORDER BY number",
        statement -> statement.setLong(1, upToNumber), AuditRepository::checkpoint);
  }

  void insertCheckpoint(Checkpoint checkpoint, SignedCheckpoint signed) {
    write("INSERT INTO audit_checkpoint (number, seq, chain_head, signed_at, reason, payload, signature, certificate)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
          statement.setLong(1, checkpoint.number());
          statement.setLong(2, checkpoint.sequence());
          statement.setString(3, checkpoint.chainHead());
          statement.setObject(4, utc(checkpoint.time()));
          statement.setString(5, checkpoint.reason());
          statement.setString(6, signed.payload());
          statement.setString(7, signed.signatureBase64());
          statement.setString(8, signed.certificatePem());
        });
  }

  private static void condition(StringBuilder sql, List<Object> values, String clause, Object value) {
    if (value != null) {
      sql.append(clause);
      values.add(value);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static StoredEvent event(ResultSet rs) throws SQLException {
    return new StoredEvent(rs.getLong("id"), rs.getLong("seq"),
        rs.getObject("event_time", OffsetDateTime.class).toInstant(), rs.getString("event_type"),
        rs.getString("actor"), rs.getString("experiment_id"), rs.getObject("round_number", Integer.class),
        rs.getString("site_id"), rs.getString("details_json"), rs.getString("hash"));
  }

  private static StoredCheckpoint checkpoint(ResultSet rs) throws SQLException {
    return new StoredCheckpoint(rs.getLong("number"), rs.getLong("seq"), rs.getString("payload"),
        rs.getString("signature"), rs.getString("certificate"));
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> read(String sql, Binder binder, RowMapper<T> mapper) {
    return transactions.executeRead(status -> {
      try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
        binder.bind(statement);
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            rows.add(mapper.map(rs));
          }
        }
        return rows;
      } catch (SQLException e) {
        throw new DataAccessException("audit query failed: " + e.getMessage(), e);
      }
    });
  }

  private void write(String sql, Binder binder) {
    transactions.executeWrite(status -> {
      try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
        binder.bind(statement);
        return statement.executeUpdate();
      } catch (SQLException e) {
        throw new DataAccessException("audit insert failed: " + e.getMessage(), e);
      }
    });
  }
}
