using EDoc.Contracts.Demo;
using EDoc.Domain.Audit;
using EDoc.Storage.EventLog;

namespace EDoc.Server.Tests.Audit;

/// <summary>What the audit test classes share: AuditService as a demo user, writes to audit, and reading checkpoints and lists.</summary>
public abstract class AuditTest(ServerFixture fixture) : ApiTest(fixture)
{
    /// <summary>The system administrator: audits every agency.</summary>
    protected const string Admin = DemoDirectory.AdminUsername;

    /// <summary>An auditor of the operator agency (mdai): a system auditor, who audits every agency.</summary>
    protected const string SystemAuditor = "mdai.auditor";

    /// <summary>An auditor of Shymkent: audits Shymkent only.</summary>
    protected const string ShymkentAuditor = "shym.auditor";

    protected async Task<AuditService.AuditServiceClient> AuditAs(string username) => new(await Fixture.SessionOfAsync(username));

    /// <summary>Creates org units in the agency through its admin, one event each; returns their stream ids.</summary>
    protected async Task<List<string>> WriteAsync(int count, string agencyAdmin = ShymkentAdmin, string agencyId = Shymkent)
    {
        var directory = await DirectoryAs(agencyAdmin);
        var streams = new List<string>();
        for (var i = 0; i < count; i++) streams.Add(Streams.OrgUnit((await directory.CreateOrgUnitAsync(TestData.NewOrgUnit(agencyId))).Id));
        return streams;
    }

    /// <summary>The tree head the checkpoint's note is signed over, checked with the key it came with; it must say what the fields say.</summary>
    protected static TreeHead SignedHead(Checkpoint checkpoint)
    {
        var head = SignedCheckpoint.Verify(checkpoint.SignedNote, checkpoint.LogPublicKey.ToByteArray());
        Assert.NotNull(head);
        Assert.Equal(checkpoint.TreeSize, head.TreeSize);
        Assert.Equal(checkpoint.RootHash.ToByteArray(), head.RootHash);
        return head;
    }

    /// <summary>Every page of a ListEvents request, in order.</summary>
    protected static async Task<List<LogEvent>> ListAllAsync(AuditService.AuditServiceClient audit, ListEventsRequest request)
    {
        var events = new List<LogEvent>();
        do
        {
            var page = await audit.ListEventsAsync(request);
            events.AddRange(page.Events);
            request = request.Clone();
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);
        return events;
    }

    /// <summary>Reads the next <paramref name="count"/> messages of a stream, failing when it ends first.</summary>
    protected static async Task<List<T>> NextAsync<T>(IAsyncStreamReader<T> stream, int count, CancellationToken ct)
    {
        var items = new List<T>();
        while (items.Count < count)
        {
            Assert.True(await stream.MoveNext(ct), $"The stream ended after {items.Count} of {count} messages.");
            items.Add(stream.Current);
        }
        return items;
    }
}
