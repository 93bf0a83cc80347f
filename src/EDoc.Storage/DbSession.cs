using System.Data.Common;

namespace EDoc.Storage;

/// <summary>
/// A connection, maybe inside a transaction, with plain parameterised SQL helpers; the SQL is portable between
/// both providers. With <paramref name="deferWrites"/>, statements are queued and sent together in one round trip
/// (a DbBatch) before the next read or at <see cref="FlushAsync"/>, so a transaction of many small writes does
/// not pay one network round trip each; providers without batching (in-process SQLite) run them at once.
/// </summary>
public sealed class DbSession(DbConnection connection, DbTransaction? transaction = null, bool deferWrites = false)
{
    /// <summary>Queued statements before a flush is forced, to bound memory.</summary>
    private const int MaxDeferred = 2000;

    /// <summary>Most rows in one statement of <see cref="InsertRowsAsync"/>: well under both providers' limits on bound parameters.</summary>
    private const int MaxRowsPerInsert = 64;

    /// <summary>The SQL of each multi-row INSERT shape, built once: a batch writes several every transaction.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Head, string Tail, int Width, int Count), string>
        InsertTexts = new();

    private readonly bool _defer = deferWrites && connection.CanCreateBatch;
    private readonly Dictionary<string, object> _written = new(StringComparer.Ordinal);
    private readonly Dictionary<RowUpsert, Dictionary<string, object?[]>> _waitingRows = [];
    private int _waitingRowCount;
    private DbBatch? _deferred;

    /// <summary>The open connection.</summary>
    public DbConnection Connection { get; } = connection;

    /// <summary>The transaction, if any.</summary>
    public DbTransaction? Transaction { get; } = transaction;

    /// <summary>Runs a statement, or queues it when writes are deferred; errors of queued ones surface at the flush.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        if (_defer)
        {
            _deferred ??= NewBatch();
            var queued = _deferred.CreateBatchCommand();
            queued.CommandText = sql;
            foreach (var (name, value) in parameters) queued.Parameters.Add(Parameter(queued.CreateParameter(), name, value));
            _deferred.BatchCommands.Add(queued);
            if (_deferred.BatchCommands.Count >= MaxDeferred) await FlushAsync(ct);
            return;
        }
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Writes a whole row (an upsert whose every changing column comes from its values) under a key naming the row, and
    /// remembers its state under that key (<see cref="Remember"/>). When writes are deferred, the rows of one upsert wait
    /// for the flush and go as multi-row statements (<see cref="InsertRowsAsync"/>), and a waiting row of the same key
    /// takes the new values instead of being written twice: a route moved on by three events in one transaction is
    /// written once, with the last state. Nothing else may write the row's table in the same transaction, since the
    /// rows go after the statements queued around them.
    /// </summary>
    public async Task WriteRowAsync(string rowKey, object state, RowUpsert upsert, object?[] values, CancellationToken ct)
    {
        Remember(rowKey, state);
        if (!_defer)
        {
            await InsertRowsAsync(upsert.Head, upsert.Tail, [values], ct);
            return;
        }
        if (!_waitingRows.TryGetValue(upsert, out var rows)) _waitingRows[upsert] = rows = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        rows[rowKey] = values;
        if (++_waitingRowCount >= MaxDeferred) await FlushAsync(ct);
    }

    /// <summary>
    /// Inserts the rows with multi-row INSERTs rather than one statement each: every statement costs the database a
    /// protocol exchange and an executor start, whatever its size. Statements carry a power of two of rows (13 go as
    /// 8, 4 and 1), so a table keeps a handful of statement texts prepared whatever the count. <paramref name="head"/>
    /// is <c>INSERT INTO t (a, b) VALUES</c>, <paramref name="tail"/> an ON CONFLICT clause or empty; for an upsert the
    /// rows must not repeat a key, which one statement may not update twice.
    /// </summary>
    public async Task InsertRowsAsync(string head, string tail, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        for (var done = 0; done < rows.Count;)
        {
            var count = Math.Min(MaxRowsPerInsert, 1 << System.Numerics.BitOperations.Log2((uint)(rows.Count - done)));
            var width = rows[done].Length;
            var sql = InsertTexts.GetOrAdd((head, tail, width, count), key => MultiRowInsert(key.Head, key.Tail, key.Width, key.Count));
            var parameters = new (string, object?)[count * width];
            for (var row = 0; row < count; row++)
            {
                for (var column = 0; column < width; column++)
                    parameters[row * width + column] = ($"p{row * width + column}", rows[done + row][column]);
            }
            await ExecuteAsync(sql, ct, parameters);
            done += count;
        }
    }

    private static string MultiRowInsert(string head, string tail, int width, int count) =>
        head + " " + string.Join(", ", Enumerable.Range(0, count).Select(row =>
            "(" + string.Join(", ", Enumerable.Range(row * width, width).Select(p => $"@p{p}")) + ")")) +
        (tail.Length == 0 ? "" : " " + tail);

    /// <summary>Sends the queued statements, then the waiting rows of <see cref="WriteRowAsync"/>.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_waitingRowCount > 0)
        {
            var waiting = _waitingRows.ToList();
            _waitingRows.Clear();
            _waitingRowCount = 0;
            foreach (var (upsert, rows) in waiting) await InsertRowsAsync(upsert.Head, upsert.Tail, [.. rows.Values], ct);
        }
        if (_deferred is not { } batch) return;
        _deferred = null;
        await using (batch) await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs a query and maps every row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await FlushAsync(ct);
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }

    /// <summary>
    /// Runs the queries in one round trip where the provider batches (one by one otherwise), in order, handing every
    /// row to its query's callback. For a transaction that needs several reads before it can write: each round trip is
    /// a wait for two processes to be scheduled, which on busy cores costs more than the reads themselves.
    /// </summary>
    public async Task QueryEachAsync(IReadOnlyList<RowsQuery> queries, CancellationToken ct)
    {
        await FlushAsync(ct);
        if (!Connection.CanCreateBatch)
        {
            foreach (var query in queries)
            {
                await using var command = Command(query.Sql, query.Parameters);
                await using var rows = await command.ExecuteReaderAsync(ct);
                while (await rows.ReadAsync(ct)) query.OnRow(rows);
            }
            return;
        }
        await using var batch = NewBatch();
        foreach (var query in queries)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = query.Sql;
            foreach (var (name, value) in query.Parameters) command.Parameters.Add(Parameter(command.CreateParameter(), name, value));
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        foreach (var query in queries)
        {
            while (await reader.ReadAsync(ct)) query.OnRow(reader);
            await reader.NextResultAsync(ct);
        }
    }

    /// <summary>Runs a query and maps its first row, or returns null.</summary>
    public async Task<T?> QuerySingleAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct,
        params (string Name, object? Value)[] parameters) where T : class
    {
        await FlushAsync(ct);
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? map(reader) : null;
    }

    /// <summary>
    /// Keeps a row's state as this transaction wrote it, so a later event of the same transaction (a request and its
    /// answer committed together) finds it without a read, which would flush the deferred writes mid-batch.
    /// </summary>
    public void Remember(string key, object state) => _written[key] = state;

    /// <summary>The state this transaction wrote under the key, or null.</summary>
    public T? Recall<T>(string key) where T : class => _written.GetValueOrDefault(key) as T;

    /// <summary>Runs a query returning one number, or null when there is no row.</summary>
    public async Task<long?> ScalarInt64Async(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await FlushAsync(ct);
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        foreach (var (name, value) in parameters) command.Parameters.Add(Parameter(command.CreateParameter(), name, value));
        return command;
    }

    private DbBatch NewBatch()
    {
        var batch = Connection.CreateBatch();
        batch.Transaction = Transaction;
        return batch;
    }

    private static DbParameter Parameter(DbParameter parameter, string name, object? value)
    {
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    /// <summary>
    /// An IN list of parameters named prefix0, prefix1 …: the SQL text and the parameters. The list is padded to a
    /// power of two by repeating its last value (harmless in an IN list), so lists of any length share a handful of
    /// statement texts: the store keeps a bounded number of statements prepared, and a new text for every length
    /// would push the hot ones out and be parsed and planned anew each time.
    /// </summary>
    public static (string Sql, (string, object?)[] Parameters) InList<T>(string prefix, IReadOnlyList<T> values)
    {
        var padded = Padded(values);
        return (string.Join(", ", padded.Select((_, i) => $"@{prefix}{i}")), padded.Select((v, i) => ($"{prefix}{i}", (object?)v)).ToArray());
    }

    /// <summary>The values, their last one repeated up to the next power of two (see <see cref="InList{T}"/>).</summary>
    public static IReadOnlyList<T> Padded<T>(IReadOnlyList<T> values)
    {
        if (values.Count == 0) throw new ArgumentException("An IN list needs at least one value.", nameof(values));
        var length = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)values.Count);
        return length == values.Count ? values : [.. values, .. Enumerable.Repeat(values[^1], length - values.Count)];
    }
}

/// <summary>Reading nullable columns without ceremony.</summary>
public static class DbReaderExtensions
{
    /// <summary>The string, or null for SQL NULL.</summary>
    public static string? NullableString(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>The microsecond timestamp as an instant.</summary>
    public static DateTimeOffset Time(this DbDataReader r, int i) => EventLog.Micros.ToTime(r.GetInt64(i));

    /// <summary>The microsecond timestamp as an instant, or null.</summary>
    public static DateTimeOffset? NullableTime(this DbDataReader r, int i) => r.IsDBNull(i) ? null : EventLog.Micros.ToTime(r.GetInt64(i));
}

/// <summary>
/// The upsert of whole rows into one table, for <see cref="DbSession.WriteRowAsync"/>: <paramref name="Head"/> is
/// <c>INSERT INTO t (a, b) VALUES</c>, <paramref name="Tail"/> its <c>ON CONFLICT … DO UPDATE</c> clause.
/// </summary>
public sealed record RowUpsert(string Head, string Tail);

/// <summary>A query whose rows go one by one to a callback; see <see cref="DbSession.QueryEachAsync"/>.</summary>
public sealed record RowsQuery(string Sql, Action<DbDataReader> OnRow, params (string Name, object? Value)[] Parameters);
