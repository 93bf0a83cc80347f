using System.Collections.Concurrent;
using EDoc.Contracts.V1;
using EDoc.Testing.Hosting;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Npgsql;

namespace EDoc.System.Tests.WritePath;

/// <summary>Write load for server processes on PostgreSQL, and the check that every acknowledged write was kept.</summary>
internal static class OrgUnitWriters
{
    private const string AgencyAdmin = "shym.admin";
    private const string DemoPassword = "Demo-2026-edoc";

    /// <summary>
    /// Writers create org units as fast as they are acknowledged; each acknowledged id is recorded. A writer stops at its
    /// first failure that says the server is gone, and records that failure in <paramref name="stoppedBy"/>.
    /// </summary>
    public static async Task WriteAsync(EDocServerProcess server, string prefix, int writers, int perWriter,
        ConcurrentBag<string> acknowledged, CancellationToken ct, ConcurrentBag<RpcException>? stoppedBy = null)
    {
        var login = await new AuthService.AuthServiceClient(server.Channel)
            .LoginAsync(new LoginRequest { Username = AgencyAdmin, Password = DemoPassword });
        var directory = new DirectoryService.DirectoryServiceClient(server.Channel.Intercept(m =>
        {
            m.Add("authorization", "Bearer " + login.AccessToken);
            return m;
        }));
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
        {
            for (var i = 0; i < perWriter && !ct.IsCancellationRequested; i++)
            {
                var id = $"unit-{prefix}-{writer:00}-{i:00000}";
                try
                {
                    await directory.CreateOrgUnitAsync(new CreateOrgUnitRequest
                    {
                        RequestId = Guid.NewGuid().ToString(),
                        OrgUnitId = id,
                        OrgUnit = new OrgUnit
                        {
                            AgencyId = "shymkent-akimat", Name = new LocalizedText { Kk = "Бөлім " + id, Ru = "Отдел " + id, En = "Unit " + id },
                        },
                    }, cancellationToken: ct);
                    acknowledged.Add(id);
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Cancelled or StatusCode.Internal)
                {
                    stoppedBy?.Add(e);
                    return; // the server is gone: what it acknowledged so far is what must survive
                }
            }
        }));
    }

    /// <summary>The log's sequences run 1..n without a gap or a repeat, and every acknowledged unit is stored with its event.</summary>
    public static async Task AssertLogIsGapFreeAndHoldsAsync(string connection, IReadOnlyCollection<string> acknowledged)
    {
        await using var db = NpgsqlDataSource.Create(connection);
        await using (var sequences = db.CreateCommand("SELECT count(*), min(sequence), max(sequence), count(DISTINCT sequence) FROM events"))
        await using (var reader = await sequences.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            var (count, min, max, distinct) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            Assert.Equal(1, min);
            Assert.Equal(count, max);
            Assert.Equal(count, distinct);
        }
        var stored = new HashSet<string>();
        await using (var units = db.CreateCommand(
            "SELECT u.id FROM org_units u JOIN events e ON e.stream_id = 'orgunit-' || u.id AND e.event_type = 'OrgUnitCreated'"))
        await using (var reader = await units.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
        }
        Assert.DoesNotContain(acknowledged, id => !stored.Contains(id));
    }
}
