using System.Data.Common;
using EDoc.Storage.Providers;

namespace EDoc.Storage.Queries;

/// <summary>Runs read-only queries on a fresh pooled connection each.</summary>
public sealed class QueryRunner(SqlProvider provider)
{
    /// <summary>The first row mapped, or null.</summary>
    public async Task<T?> SingleAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct,
        params (string, object?)[] parameters) where T : class
    {
        await using var connection = await provider.OpenAsync(ct);
        return await new DbSession(connection).QuerySingleAsync(sql, map, ct, parameters);
    }

    /// <summary>Runs any read on a fresh connection.</summary>
    public async Task<T> SessionAsync<T>(Func<DbSession, Task<T>> read, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        return await read(new DbSession(connection));
    }

    /// <summary>Runs a single write outside the write path (server keys, checkpoints) on a fresh connection.</summary>
    public async Task WriteAsync(Func<DbSession, Task> write, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await write(new DbSession(connection));
    }

    /// <summary>All rows mapped.</summary>
    public async Task<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct,
        params (string, object?)[] parameters)
    {
        await using var connection = await provider.OpenAsync(ct);
        return await new DbSession(connection).QueryAsync(sql, map, ct, parameters);
    }

    /// <summary>
    /// A keyset page: the SQL must filter on <c>id &gt; @after</c>, order by the key and end with <c>LIMIT @limit</c>;
    /// one extra row tells whether there is a next page.
    /// </summary>
    public async Task<Page<T>> PageAsync<T>(string sql, Func<DbDataReader, T> map, Func<T, string> key, string? after, int size,
        CancellationToken ct, params (string, object?)[] filters)
    {
        var rows = await ListAsync(sql, map, ct, [.. filters, ("after", after ?? ""), ("limit", size + 1)]);
        return Page<T>.From(rows, size, key);
    }
}
