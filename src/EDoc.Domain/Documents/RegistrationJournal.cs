namespace EDoc.Domain.Documents;

/// <summary>
/// A registration journal of an agency: the book that numbers the documents of the kinds it registers, one gap-free
/// sequence per calendar year.
/// </summary>
public sealed record RegistrationJournal(
    string Id, string AgencyId, string Index, string Name, JournalNumberFormat NumberFormat, IReadOnlyList<DocumentKind> Kinds,
    DateTimeOffset CreatedAt, long Version)
{
    /// <summary>The journal a <see cref="JournalCreated"/> event brings into being.</summary>
    public static RegistrationJournal From(JournalCreated e, DateTimeOffset at, long version) =>
        new(e.JournalId, e.AgencyId, e.Index, e.Name, JournalNumberFormat.Parse(e.NumberFormat), e.Kinds, at, version);

    /// <summary>Whether documents of <paramref name="kind"/> are registered here.</summary>
    public bool Registers(DocumentKind kind) => Kinds.Contains(kind);

    /// <summary>The number of the <paramref name="sequence"/>-th registration of <paramref name="year"/>.</summary>
    public string NumberFor(int sequence, int year) => NumberFormat.Format(Index, sequence, year);
}
