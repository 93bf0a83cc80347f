using System.Text.Json;
using System.Text.Json.Serialization;
using EDoc.Domain.Documents;
using EDoc.Domain.Events;
using static EDoc.Domain.Tests.Documents.DocumentFixtures;

namespace EDoc.Domain.Tests.Documents;

public class DocumentEventJsonTests
{
    // The same settings the event log stores events with.
    private static readonly JsonSerializerOptions Log = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static TheoryData<DomainEvent> Events()
    {
        var content = new ContentVersion(1, Sha, 10, "application/pdf", "emp-1", Wednesday);
        AttachmentInfo[] attachments = [new("a.pdf", "application/pdf", 10, Sha)];
        var sent = new DocumentSent("doc-1", AgencyA, AgencyB, "emp-1", Wednesday, "T", "S", "kk", "01/1-2026", attachments, content);
        var delivered = DocumentRules.Deliver(sent, "doc-2", Wednesday);
        return new TheoryData<DomainEvent>
        {
            new DocumentCreated("doc-1", AgencyA, DocumentKind.CitizenAppeal, "T", "S", "ru", "C", "emp-1", attachments),
            new DocumentUpdated("doc-1", "T", "S", "en", "C", []),
            new ContentVersionAdded("doc-1", 2, Sha, 10, "application/pdf", "emp-1", Wednesday),
            new DocumentRegistered("doc-1", "jrn-1", "01/1-2026", 1, 2026, Wednesday, new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 4),
                "emp-1", new DateOnly(2026, 3, 31)),
            sent,
            delivered,
            DocumentRules.AcknowledgeDelivery(delivered),
            new AppealExtended("doc-1", new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 30), "R", "emp-1", Wednesday, new DateOnly(2026, 3, 9)),
            new AppealForwarded("doc-1", AgencyA, AgencyB, "R", "emp-1", Wednesday, "T", "S", "kk", "C", "01/1-2026", attachments, null),
            new DocumentPutOnControl("doc-1", "emp-2", new DateOnly(2026, 4, 1)),
            new DocumentClosed("doc-1", "emp-1"),
            new DocumentRouted("doc-1", "route-1"),
            new DocumentRouteEnded("doc-1", "route-1", EDoc.Domain.Workflow.RouteStatus.Rejected),
            new JournalCreated("jrn-1", AgencyA, "01", "General", "{index}/{seq}-{yyyy}", [DocumentKind.Incoming, DocumentKind.Order]),
        };
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Events_survive_the_logs_json_unchanged(DomainEvent e)
    {
        var json = JsonSerializer.Serialize(e, e.GetType(), Log);
        var back = (DomainEvent)JsonSerializer.Deserialize(json, e.GetType(), Log)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, e.GetType(), Log));
        Assert.StartsWith("{\"documentId\":", json.Replace("{\"journalId\":", "{\"documentId\":", StringComparison.Ordinal));
    }
}
