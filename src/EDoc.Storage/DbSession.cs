using System.Data.Common;

namespace EDoc.Storage;

/// <summary>A connection, maybe inside a transaction, with plain parameterised SQL helpers; the SQL is portable between both providers.</summary>
public sealed class DbSession(DbConnection connection, DbTransaction? transaction = null)
{
    /// <summary>The open connection.</summary>
    public DbConnection Connection { get; } = connection;

    /// <summary>The transaction, if any.</summary>
    public DbTransaction? Transaction { get; } = transaction;

    /// <summary>Runs a statement; returns the affected row count.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs a query and maps every row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }

    /// <summary>Runs a query and maps its first row, or returns null.</summary>
    public async Task<T?> QuerySingleAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct,
        params (string Name, object? Value)[] parameters) where T : class
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? map(reader) : null;
    }

    /// <summary>Runs a query returning one number, or null when there is no row.</summary>
    public async Task<long?> ScalarInt64Async(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}

/// <summary>Reading nullable columns without ceremony.</summary>
public static class DbReaderExtensions
{
    /// <summary>The string, or null for SQL NULL.</summary>
    public static string? NullableString(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>The number, or null for SQL NULL.</summary>
    public static long? NullableInt64(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    /// <summary>The microsecond timestamp as an instant.</summary>
    public static DateTimeOffset Time(this DbDataReader r, int i) => EventLog.Micros.ToTime(r.GetInt64(i));

    /// <summary>The microsecond timestamp as an instant, or null.</summary>
    public static DateTimeOffset? NullableTime(this DbDataReader r, int i) => r.IsDBNull(i) ? null : EventLog.Micros.ToTime(r.GetInt64(i));
}
