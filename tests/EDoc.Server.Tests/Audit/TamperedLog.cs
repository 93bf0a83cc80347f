using EDoc.Contracts.V1;
using EDoc.Domain.Audit;
using EDoc.Testing;
using EDoc.Testing.Hosting;
using Grpc.Core;
using Npgsql;

namespace EDoc.Server.Tests.Audit;

/// <summary>
/// A server on a fresh PostgreSQL database whose log holds a few dozen events under a signed checkpoint, and the
/// edits of an intruder with database access behind the server's back: plain SQL, no server code. EDoc.Cli.Tests
/// compiles this file too, so the server's VerifyLog and the offline `edoc audit verify` face the very same edits.
/// </summary>
public sealed class TamperedLog : IAsyncDisposable
{
    /// <summary>Org units the admin creates before the checkpoint, one event each.</summary>
    public const int WrittenEvents = 30;

    /// <summary>The English name of every org unit written, which <see cref="EditPayloadAsync"/> changes.</summary>
    private const string UnitName = "Division";

    private TamperedLog(EDocTestServer server, string connectionString, CallInvoker admin)
    {
        Server = server;
        ConnectionString = connectionString;
        Audit = new AuditService.AuditServiceClient(admin);
    }

    public EDocTestServer Server { get; }

    /// <summary>The database, for the intruder.</summary>
    public string ConnectionString { get; }

    /// <summary>AuditService as the system admin.</summary>
    public AuditService.AuditServiceClient Audit { get; }

    /// <summary>The tree size of the latest checkpoint: the whole log before any edit.</summary>
    public long Size { get; private set; }

    /// <summary>A server on a new database with the bootstrap admin, <see cref="WrittenEvents"/> more events and a checkpoint of all.</summary>
    public static async Task<TamperedLog> StartAsync()
    {
        var connectionString = await (await SharedServers.Postgres).CreateDatabaseAsync();
        var server = await EDocTestServer.StartPostgresAsync(connectionString, new Dictionary<string, string?> { ["SeedDemo"] = "false" });
        try
        {
            var admin = await server.LoginAsync("admin", EDocTestServer.AdminPassword);
            var directory = new DirectoryService.DirectoryServiceClient(admin);
            for (var i = 1; i <= WrittenEvents; i++)
                await directory.CreateOrgUnitAsync(new CreateOrgUnitRequest
                {
                    RequestId = Guid.NewGuid().ToString("D"),
                    OrgUnit = new OrgUnit { AgencyId = "mdai", Name = new LocalizedText { Kk = $"Бөлім {i}", Ru = $"Отдел {i}", En = $"{UnitName} {i}" } },
                });
            var log = new TamperedLog(server, connectionString, admin);
            await log.CheckpointAsync();
            return log;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Signs a checkpoint of everything written so far (as GetCheckpoint does on demand) and remembers its size.</summary>
    public async Task CheckpointAsync() => Size = (await Audit.GetCheckpointAsync(new GetCheckpointRequest())).TreeSize;

    /// <summary>The server's own verdict on its log.</summary>
    public async Task<VerifyLogResponse> VerifyLogAsync() => await Audit.VerifyLogAsync(new VerifyLogRequest());

    /// <summary>The sequence of an org unit event in the middle of the log.</summary>
    public long Middle => Size - WrittenEvents / 2;

    /// <summary>Changes one word of an org unit event's payload, leaving its leaf hash as it was.</summary>
    public Task EditPayloadAsync(long sequence) => ExecuteAsync(
        "UPDATE events SET payload = replace(payload, @name, @forged) WHERE sequence = @sequence",
        ("name", UnitName), ("forged", "Divisi0n"), ("sequence", sequence));

    /// <summary>Deletes one event.</summary>
    public Task DeleteAsync(long sequence) => ExecuteAsync("DELETE FROM events WHERE sequence = @sequence", ("sequence", sequence));

    /// <summary>Swaps the places of two events in the log through a temporary sequence number.</summary>
    public Task SwapAsync(long first, long second) => ExecuteAsync(
        """
        UPDATE events SET sequence = -1 WHERE sequence = @first;
        UPDATE events SET sequence = @first WHERE sequence = @second;
        UPDATE events SET sequence = @second WHERE sequence = -1;
        """, ("first", first), ("second", second));

    /// <summary>Deletes the last <paramref name="count"/> events, and with <paramref name="resetHead"/> moves the log head back to match.</summary>
    public Task TruncateTailAsync(int count, bool resetHead) => ExecuteAsync(
        "DELETE FROM events WHERE sequence > @last" + (resetHead ? "; UPDATE log_head SET next_sequence = @last + 1 WHERE id = 1" : ""),
        ("last", Size - count));

    /// <summary>Edits one event's payload and writes the leaf hash that fits the edit, as an intruder who knows the hashing would.</summary>
    public async Task RewriteWithLeafHashAsync(long sequence)
    {
        await using var connection = await OpenAsync();
        await using var read = new NpgsqlCommand(
            """
            SELECT stream_id, stream_version, agency_id, event_type, payload, actor_id, on_behalf_of, request_id, recorded_at
            FROM events WHERE sequence = @sequence
            """, connection) { Parameters = { new("sequence", sequence) } };
        byte[] leafHash;
        string payload;
        await using (var row = await read.ExecuteReaderAsync())
        {
            Assert.True(await row.ReadAsync(), $"No event {sequence}.");
            payload = row.GetString(4).Replace(UnitName, "Divisi0n", StringComparison.Ordinal);
            leafHash = new LogEntry(sequence, row.GetString(0), row.GetInt64(1), row.IsDBNull(2) ? null : row.GetString(2), row.GetString(3),
                payload, row.GetString(5), row.IsDBNull(6) ? null : row.GetString(6), row.IsDBNull(7) ? null : Guid.Parse(row.GetString(7)),
                row.GetInt64(8), []).ComputeLeafHash();
        }
        await ExecuteAsync("UPDATE events SET payload = @payload, leaf_hash = @hash WHERE sequence = @sequence",
            ("payload", payload), ("hash", leafHash), ("sequence", sequence));
    }

    /// <summary>The tree sizes of the checkpoints the server has signed, smallest first.</summary>
    public async Task<List<long>> CheckpointSizesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT tree_size FROM checkpoints ORDER BY tree_size", connection);
        await using var rows = await command.ExecuteReaderAsync();
        var sizes = new List<long>();
        while (await rows.ReadAsync()) sizes.Add(rows.GetInt64(0));
        return sizes;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        Assert.True(await command.ExecuteNonQueryAsync() > 0, $"The edit changed nothing: {sql}");
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
