using System.Data.Common;
using System.Diagnostics;
using EDoc.Bench.Measurement;
using EDoc.Domain.Audit;
using EDoc.Storage.EventLog;
using Npgsql;

namespace EDoc.Bench.Baselines;

/// <summary>
/// (h) What reading the event log costs before anything is checked: one client reads rows shaped like the log's (the
/// same eleven columns, a short JSON payload with Kazakh letters, a 32-byte leaf hash) in runs of 2,048 by sequence
/// number into <see cref="EncodedEntries"/> with EDoc.Storage's own row reader, as VerifyLog does, and hashes nothing.
/// Its CPU per row, and the database's, are the floor under audit-verify: re-checking an entry cannot cost less than
/// moving its row.
/// </summary>
internal sealed class LogReadBaseline(CommitTarget target, ProcessProbe? database) : IBaseline
{
    /// <summary>Rows in the table; read over and over for the baseline's duration.</summary>
    private const int Rows = 200_000;

    /// <summary>Rows per query, as VerifyLog reads the log.</summary>
    private const int Run = 2_048;

    public async Task<IReadOnlyList<BaselineFigure>> MeasureAsync(TimeSpan duration, CancellationToken ct)
    {
        await using var connection = await target.OpenAsync(ct);
        await FillAsync(connection, ct);
        var entries = new EncodedEntries();
        // Read once untimed: the first pass pays for cold caches and query preparation, not for rows.
        await ReadAsync(connection, entries, null, ct);
        var clientBefore = Environment.CpuUsage.TotalTime;
        var databaseBefore = database?.TreeCpuSeconds();
        var rows = await ReadAsync(connection, entries, duration, ct);
        var clientMicroseconds = (Environment.CpuUsage.TotalTime - clientBefore).TotalMicroseconds / rows;
        var databaseMicroseconds = database?.TreeCpuSeconds() - databaseBefore is { } seconds ? seconds * 1e6 / rows : (double?)null;
        await using (var drop = Command(connection, "DROP TABLE bench_log_rows")) await drop.ExecuteNonQueryAsync(ct);

        List<BaselineFigure> figures =
        [
            new("log-read-client", $"(h) reading a log row in runs of {Run:N0}, the reader's CPU" +
                (database is null ? $" ({target.Engine} runs inside it)" : ""), clientMicroseconds, "µs per row"),
        ];
        if (databaseMicroseconds is { } db)
            figures.Add(new BaselineFigure("log-read-database", $"(h) reading a log row, {target.Engine}'s CPU", db, "µs per row"));
        return figures;
    }

    private async Task FillAsync(DbConnection connection, CancellationToken ct)
    {
        await using (var create = Command(connection, $"""
            DROP TABLE IF EXISTS bench_log_rows;
            CREATE TABLE bench_log_rows (sequence bigint PRIMARY KEY, stream_id text NOT NULL, stream_version bigint NOT NULL,
                agency_id text, event_type text NOT NULL, payload text NOT NULL, actor_id text NOT NULL, on_behalf_of text,
                request_id text, recorded_at bigint NOT NULL, leaf_hash {target.BytesType} NOT NULL)
            """))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        // A recursive CTE, not generate_series, so that SQLite fills it too.
        await using var fill = Command(connection, $$"""
            WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {{Rows}})
            INSERT INTO bench_log_rows
            SELECT n, 'route/bench-route-' || n, 1, 'shymkent-akimat', 'TaskAssigned',
                   '{"taskId":"bench-route-' || n || '-t1","assignee":"shym.executor","kind":"Approve","note":"Келісу үшін жіберілді"}',
                   'shym.registrar', NULL, 'bench-request-' || n, 1764979200000000 + n, @hash
            FROM g
            """);
        Parameter(fill, "@hash").Value = new byte[32];
        await fill.ExecuteNonQueryAsync(ct);
        if (connection is NpgsqlConnection)
        {
            // Vacuumed now, so that autovacuum's pass over the new rows does not run, and count, while they are read.
            await using var vacuum = Command(connection, "VACUUM (ANALYZE) bench_log_rows");
            await vacuum.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Reads the table run by run, over and over until <paramref name="duration"/> is up, or once through when it is null; returns the rows read.</summary>
    private static async Task<long> ReadAsync(DbConnection connection, EncodedEntries entries, TimeSpan? duration, CancellationToken ct)
    {
        await using var select = Command(connection, """
            SELECT sequence, stream_id, stream_version, agency_id, event_type, payload, actor_id, on_behalf_of, request_id,
                   recorded_at, leaf_hash
            FROM bench_log_rows WHERE sequence >= @from AND sequence <= @to ORDER BY sequence
            """);
        var from = Parameter(select, "@from");
        var to = Parameter(select, "@to");
        long rows = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            for (long first = 1; first <= Rows; first += Run)
            {
                from.Value = first;
                to.Value = first + Run - 1;
                rows += await ReadRunAsync(select, entries, ct);
                if (clock.Elapsed >= duration) return rows;
            }
        } while (duration is not null);
        return rows;
    }

    /// <summary>One run, read into <paramref name="entries"/> as the verifier reads it.</summary>
    private static async Task<long> ReadRunAsync(DbCommand select, EncodedEntries entries, CancellationToken ct)
    {
        entries.Clear();
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) StoredEventFields.AddTo(entries, reader);
        return entries.Count;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
