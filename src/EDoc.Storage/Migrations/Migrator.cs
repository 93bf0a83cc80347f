using System.Reflection;
using EDoc.Storage.Providers;

namespace EDoc.Storage.Migrations;

/// <summary>
/// Applies the embedded, numbered SQL scripts that are not yet in schema_migrations. The scripts are shared by both
/// providers; {{TOKENS}} stand for the few type names that differ. A script named <c>NNNN_name.provider.sql</c> is a
/// tuning of that provider's storage alone (<c>0010_lz4.postgres.sql</c>) and is skipped by the other.
/// </summary>
internal sealed class Migrator(SqlProvider provider)
{
    private static readonly Assembly Assembly = typeof(Migrator).Assembly;

    public async Task MigrateAsync(CancellationToken ct)
    {
        // One transaction for all of it: DDL is transactional on both providers, and the lock keeps two
        // instances starting at once from applying a script twice.
        await using var connection = await provider.OpenAsync(ct);
        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        var session = new DbSession(connection, transaction);
        await provider.LockForMigrationAsync(session, ct);
        await session.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at bigint NOT NULL)", ct);
        foreach (var (version, sql) in Scripts())
        {
            var applied = await session.ScalarInt64Async(
                "SELECT count(*) FROM schema_migrations WHERE version = @version", ct, ("version", version));
            if (applied > 0) continue;
            await session.ExecuteAsync(sql, ct);
            await session.ExecuteAsync("INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @now)", ct,
                ("version", version), ("now", EventLog.Micros.From(DateTimeOffset.UtcNow)));
        }
        await transaction.CommitAsync(ct);
    }

    private IEnumerable<(string Version, string Sql)> Scripts()
    {
        var names = Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var reader = new StreamReader(Assembly.GetManifestResourceStream(name)!);
            var sql = reader.ReadToEnd();
            foreach (var (token, value) in provider.ScriptTokens) sql = sql.Replace("{{" + token + "}}", value, StringComparison.Ordinal);
            var version = name[(name.IndexOf("Migrations.", StringComparison.Ordinal) + "Migrations.".Length)..^".sql".Length];
            if (version.Split('.') is [_, var only] && only != provider.Name) continue;
            yield return (version, sql);
        }
    }
}
