using EDoc.Domain.Access;
using EDoc.Domain.Audit;
using EDoc.Domain.Directory;
using EDoc.Domain.Events;
using EDoc.Storage.EventLog;
using Npgsql;
using NpgsqlTypes;

namespace EDoc.Bench.Data;

/// <summary>
/// BENCH ONLY. Puts a large directory in place fast, so scenarios can measure at scale: N employees of one agency
/// written with PostgreSQL binary COPY straight into the log (events, merkle_nodes, streams) and the read models
/// (employees, credentials), in one transaction that holds the log head's row lock as the server's writer does.
/// </summary>
/// <remarks>
/// The log stays valid: each employee gets an <see cref="EmployeeCreated"/> event with the next sequence number
/// from log_head, its payload from <see cref="EventSerializer"/>, its RFC 9162 leaf hash from
/// <see cref="CanonicalEvent"/> and <see cref="MerkleHash"/>, and the perfect subtrees it completes from
/// <see cref="MerkleFrontier"/>, exactly as EDoc.Storage's batch writer computes them; log_head then moves past them.
/// The run checks this with the server's own VerifyLog. What the loader skips is the command path (validation,
/// idempotency records) and the password hash: loaded employees cannot sign in. Never point it at a real store.
/// </remarks>
internal sealed class BulkLoader(string connectionString)
{
    /// <summary>Who the loaded events name as their actor: the system administrator of the demo directory.</summary>
    private const string Actor = "admin";

    /// <summary>Rows per round of COPYs: bounds the memory the new tree nodes take, whatever N is.</summary>
    private const int Chunk = 50_000;

    private static readonly Role[] Roles = [Role.Executor];

    /// <summary>Loads <paramref name="count"/> employees into <paramref name="agencyId"/>, spread over its units.</summary>
    /// <returns>The id of the first employee loaded, for a read-back check.</returns>
    public async Task<string> LoadEmployeesAsync(int count, string agencyId, IReadOnlyList<string> orgUnitIds, string supervisorId,
        CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            var nextSequence = await ScalarAsync(connection, "SELECT next_sequence FROM log_head WHERE id = 1 FOR UPDATE", ct);
            var frontier = await FrontierAsync(connection, nextSequence - 1, ct);
            var recordedAt = Micros.From(DateTimeOffset.UtcNow);
            for (var start = 0; start < count; start += Chunk)
            {
                var employees = Enumerable.Range(start, Math.Min(Chunk, count - start)).Select(n => new EmployeeCreated(EmployeeId(n),
                    agencyId, orgUnitIds[n % orgUnitIds.Count], SyntheticPeople.Iin(n), SyntheticPeople.FullName(n),
                    SyntheticPeople.Position(n), SyntheticPeople.Username("bulk", n), Roles, supervisorId)).ToArray();
                var events = employees.Select(e => EventRow(nextSequence++, e, recordedAt)).ToArray();
                var nodes = events.SelectMany(row => frontier.Append((byte[])row[^1]!)).ToArray();

                await CopyAsync(connection,
                    "events (sequence, stream_id, stream_version, agency_id, event_type, payload, actor_id, on_behalf_of, request_id, recorded_at, leaf_hash)",
                    events, ct);
                await CopyAsync(connection, "merkle_nodes (level, idx, hash)",
                    nodes.Select(n => new object?[] { n.Subtree.Level, n.Subtree.Index, n.Hash }), ct);
                await CopyAsync(connection, "streams (stream_id, version)",
                    employees.Select(e => new object?[] { Streams.Employee(e.EmployeeId), 1L }), ct);
                await CopyAsync(connection,
                    "employees (id, agency_id, org_unit_id, iin, full_name, position, username, roles, supervisor_id, active, substitute_id, substitute_until, created_at, version)",
                    employees.Select(e => EmployeeRow(Employee.From(e, Micros.ToTime(recordedAt), 1))), ct);
                await CopyAsync(connection, "credentials (employee_id, consecutive_failures, locked_until, password_version)",
                    employees.Select(e => CredentialsRow(Credentials.Initial(e.EmployeeId))), ct);
            }

            await using var head = new NpgsqlCommand("UPDATE log_head SET next_sequence = @next WHERE id = 1", connection);
            head.Parameters.AddWithValue("next", nextSequence);
            await head.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await SettleAsync(connection, "events, merkle_nodes, streams, employees, credentials", ct);
        return EmployeeId(0);
    }

    /// <summary>
    /// Loads <paramref name="count"/> draft documents of <paramref name="agencyId"/>, each with a route of one open APPROVE task
    /// (see <see cref="DocumentsLoad"/>): events, merkle_nodes, streams, documents, routes and tasks, as one transaction.
    /// </summary>
    public async Task LoadDocumentsAsync(int count, string agencyId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            var nextSequence = await ScalarAsync(connection, "SELECT next_sequence FROM log_head WHERE id = 1 FOR UPDATE", ct);
            var frontier = await FrontierAsync(connection, nextSequence - 1, ct);
            var now = Micros.ToTime(Micros.From(DateTimeOffset.UtcNow));
            var recordedAt = Micros.From(now);
            for (var start = 0; start < count; start += Chunk / 4)
            {
                var items = Enumerable.Range(start, Math.Min(Chunk / 4, count - start))
                    .Select(n => DocumentsLoad.Build(n, agencyId, now)).ToArray();
                var events = new List<object?[]>();
                var tasks = new List<object?[]>();
                foreach (var item in items)
                {
                    var first = nextSequence;
                    foreach (var (stream, version, e) in item.Events)
                        events.Add(EventRow(nextSequence++, stream, version, agencyId, e, DocumentsLoad.Author, recordedAt));
                    foreach (var (eventIndex, row) in item.Tasks)
                    {
                        row[12] = first + eventIndex;
                        tasks.Add(row);
                    }
                }
                var nodes = events.SelectMany(row => frontier.Append((byte[])row[^1]!)).ToArray();
                await CopyAsync(connection,
                    "events (sequence, stream_id, stream_version, agency_id, event_type, payload, actor_id, on_behalf_of, request_id, recorded_at, leaf_hash)",
                    events, ct);
                await CopyAsync(connection, "merkle_nodes (level, idx, hash)",
                    nodes.Select(n => new object?[] { n.Subtree.Level, n.Subtree.Index, n.Hash }), ct);
                await CopyAsync(connection, "streams (stream_id, version)",
                    items.SelectMany(i => i.Streams).Select(s => new object?[] { s.Stream, s.Version }), ct);
                await CopyAsync(connection,
                    "documents (id, agency_id, kind, status, title, correspondent, registration_number, registered_at, created_at, updated_at, version, state, title_folded, correspondent_folded)",
                    items.Select(i => i.Document), ct);
                await CopyAsync(connection, "routes (id, document_id, agency_id, status, document_title, version, state, history)",
                    items.Select(i => i.Route), ct);
                await CopyAsync(connection,
                    "tasks (id, route_id, document_id, agency_id, assignee_id, status, due_date, escalated_for, escalated_to, document_title, main, assigned_at, changed_seq, last_change, version, state)",
                    tasks, ct);
            }

            await using var head = new NpgsqlCommand("UPDATE log_head SET next_sequence = @next WHERE id = 1", connection);
            head.Parameters.AddWithValue("next", nextSequence);
            await head.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await SettleAsync(connection, "events, merkle_nodes, streams, documents, routes, tasks", ct);
    }

    /// <summary>
    /// Vacuums and analyzes the loaded tables, as a database in service would have them: fresh statistics, or the planner
    /// keeps the plans of a 20-row table; and the visibility map set, or autovacuum's first pass over millions of new rows
    /// shares the cores with the measurement (it did, as a fifth of the machine during audit-verify). Then a checkpoint,
    /// so the pages vacuum dirtied are on disk before the scenarios run, not written back while they are measured.
    /// </summary>
    private static async Task SettleAsync(NpgsqlConnection connection, string tables, CancellationToken ct)
    {
        foreach (var sql in new[] { $"VACUUM (ANALYZE) {tables}", "CHECKPOINT" })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>An events row of any event, the leaf hash last.</summary>
    private static object?[] EventRow(long sequence, string stream, long version, string agencyId, DomainEvent e, string actor, long recordedAt)
    {
        var type = EventSerializer.TypeName(e);
        var payload = EventSerializer.Serialize(e);
        var leafHash = MerkleHash.Leaf(CanonicalEvent.Encode(sequence, stream, version, agencyId, type, payload, actor,
            onBehalfOf: null, requestId: null, recordedAt));
        return [sequence, stream, version, agencyId, type, payload, actor, null, null, recordedAt, leafHash];
    }

    /// <summary>Ids that sort before the demo employees', so the first pages of the list are the loaded ones.</summary>
    private static string EmployeeId(int n) => $"bench-{n:D8}";

    /// <summary>
    /// The right border of the tree of <paramref name="size"/> leaves, read as the batch writer reads it: leaves from
    /// events.leaf_hash, higher perfect subtrees from merkle_nodes.
    /// </summary>
    private static async Task<MerkleFrontier> FrontierAsync(NpgsqlConnection connection, long size, CancellationToken ct)
    {
        var hashes = new Dictionary<PerfectSubtree, byte[]>();
        await using var command = new NpgsqlCommand(
            """
            SELECT 0, sequence - 1, leaf_hash FROM events WHERE sequence = ANY(@leaves)
            UNION ALL
            SELECT level, idx, hash FROM merkle_nodes WHERE (level, idx) IN (SELECT * FROM unnest(@levels, @indexes))
            """, connection);
        var border = MerkleFrontier.BorderOf(size).ToArray();
        command.Parameters.AddWithValue("leaves", border.Where(s => s.Level == 0).Select(s => s.Index + 1).ToArray());
        command.Parameters.AddWithValue("levels", border.Where(s => s.Level > 0).Select(s => s.Level).ToArray());
        command.Parameters.AddWithValue("indexes", border.Where(s => s.Level > 0).Select(s => s.Index).ToArray());
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) hashes[new PerfectSubtree(reader.GetInt32(0), reader.GetInt64(1))] = (byte[])reader[2];
        }
        return new MerkleFrontier(size, subtree => hashes.TryGetValue(subtree, out var hash)
            ? hash
            : throw new InvalidOperationException($"The stored Merkle tree has no subtree {subtree}."));
    }

    /// <summary>An events row, the leaf hash last.</summary>
    private static object?[] EventRow(long sequence, EmployeeCreated e, long recordedAt)
    {
        var stream = Streams.Employee(e.EmployeeId);
        var type = EventSerializer.TypeName(e);
        var payload = EventSerializer.Serialize(e);
        var leafHash = MerkleHash.Leaf(CanonicalEvent.Encode(sequence, stream, 1, e.AgencyId, type, payload, Actor,
            onBehalfOf: null, requestId: null, recordedAt));
        return [sequence, stream, 1L, e.AgencyId, type, payload, Actor, null, null, recordedAt, leafHash];
    }

    // Column for column what EDoc.Storage's EmployeesTable writes; roles as its RoleList stores them.
    private static object?[] EmployeeRow(Employee e) =>
    [
        e.Id, e.AgencyId, e.OrgUnitId, e.Iin, e.FullName, e.Position, e.Username, string.Join(',', e.Roles), e.SupervisorId,
        e.Active, e.SubstituteId, null, Micros.From(e.CreatedAt), e.Version,
    ];

    private static object?[] CredentialsRow(Credentials c) => [c.EmployeeId, c.ConsecutiveFailures, null, c.PasswordVersion];

    private static async Task CopyAsync(NpgsqlConnection connection, string tableAndColumns, IEnumerable<object?[]> rows,
        CancellationToken ct)
    {
        await using var import = await connection.BeginBinaryImportAsync($"COPY {tableAndColumns} FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await import.StartRowAsync(ct);
            foreach (var value in row) await WriteAsync(import, value, ct);
        }
        await import.CompleteAsync(ct);
    }

    // Binary COPY sends no column types, so each value names its own; the nulls are the nullable text/bigint columns.
    private static Task WriteAsync(NpgsqlBinaryImporter import, object? value, CancellationToken ct) => value switch
    {
        null => import.WriteNullAsync(ct),
        string text => import.WriteAsync(text, NpgsqlDbType.Text, ct),
        long number => import.WriteAsync(number, NpgsqlDbType.Bigint, ct),
        int number => import.WriteAsync(number, NpgsqlDbType.Integer, ct),
        bool flag => import.WriteAsync(flag, NpgsqlDbType.Boolean, ct),
        byte[] bytes => import.WriteAsync(bytes, NpgsqlDbType.Bytea, ct),
        _ => throw new ArgumentException($"No COPY type for {value.GetType()}.", nameof(value)),
    };

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"No result from: {sql}"));
    }
}
