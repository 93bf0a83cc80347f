using System.Data.Common;
using System.Diagnostics;
using EDoc.Bench.Measurement;
using EDoc.Domain.Audit;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
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
        await BaselineSql.ExecuteAsync(connection, "DROP TABLE bench_log_rows", ct);

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
        await BaselineSql.ExecuteAsync(connection, $"""
            DROP TABLE IF EXISTS bench_log_rows;
            CREATE TABLE bench_log_rows (sequence bigint PRIMARY KEY, stream_id text NOT NULL, stream_version bigint NOT NULL,
                agency_id text, event_type text NOT NULL, payload text NOT NULL, actor_id text NOT NULL, on_behalf_of text,
                request_id text, recorded_at bigint NOT NULL, leaf_hash {target.BytesType} NOT NULL)
            """, ct);
        // A recursive CTE, not generate_series, so that SQLite fills it too.
        await using var fill = BaselineSql.Command(connection, $$"""
            WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {{Rows}})
            INSERT INTO bench_log_rows
            SELECT n, 'route/bench-route-' || n, 1, 'shymkent-akimat', 'TaskAssigned',
                   '{"taskId":"bench-route-' || n || '-t1","assignee":"shym.executor","kind":"Approve","note":"Келісу үшін жіберілді"}',
                   'shym.registrar', NULL, 'bench-request-' || n, 1764979200000000 + n, @hash
            FROM g
            """);
        BaselineSql.AddParameter(fill, "@hash", new byte[32]);
        await fill.ExecuteNonQueryAsync(ct);
        if (connection is NpgsqlConnection)
        {
            // Vacuumed now, so that autovacuum's pass over the new rows does not run, and count, while they are read.
            await BaselineSql.ExecuteAsync(connection, "VACUUM (ANALYZE) bench_log_rows", ct);
        }
    }

    /// <summary>Reads the table run by run, over and over until <paramref name="duration"/> is up, or once through when it is null; returns the rows read.</summary>
    private static async Task<long> ReadAsync(DbConnection connection, EncodedEntries entries, TimeSpan? duration, CancellationToken ct)
    {
        await using var select = BaselineSql.Command(connection,
            $"SELECT {LogQueries.Columns} FROM bench_log_rows{LogQueries.InRange}");
        var from = BaselineSql.AddParameter(select, "@from");
        var to = BaselineSql.AddParameter(select, "@to");
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
}
