using EDoc.Contracts.V1;

namespace EDoc.Contracts.Demo;

/// <summary>
/// The demo agencies' registration journals, written as API requests like <see cref="DemoDirectory"/>, with request ids
/// derived from the journal ids so that seeding twice changes nothing.
/// </summary>
public static class DemoJournals
{
    /// <summary>Two journals per demo agency: incoming mail with citizens' appeals (01-12), and the agency's own papers (02-01).</summary>
    public static IReadOnlyList<CreateJournalRequest> Journals { get; } =
        DemoDirectory.Agencies.SelectMany(a => new[]
        {
            Journal(a.AgencyId, "01-12", "Кіріс құжаттар мен азаматтардың өтініштері", DocumentKind.Incoming, DocumentKind.CitizenAppeal),
            Journal(a.AgencyId, "02-01", "Шығыс, ішкі құжаттар мен бұйрықтар", DocumentKind.Outgoing, DocumentKind.Internal, DocumentKind.Order),
        }).ToArray();

    /// <summary>The id of a demo agency's journal with the index, e.g. jrn-shymkent-akimat-01-12.</summary>
    public static string JournalId(string agencyId, string index) => $"jrn-{agencyId}-{index}";

    private static CreateJournalRequest Journal(string agencyId, string index, string name, params DocumentKind[] kinds) => new()
    {
        RequestId = DemoDirectory.RequestId("journal/" + JournalId(agencyId, index)),
        JournalId = JournalId(agencyId, index),
        Journal = new Journal { AgencyId = agencyId, Index = index, Name = name, Kinds = { kinds } },
    };
}
