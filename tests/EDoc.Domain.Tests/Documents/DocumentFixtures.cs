using EDoc.Domain.Access;
using EDoc.Domain.Calendar;
using EDoc.Domain.Documents;
using EDoc.Domain.Events;

namespace EDoc.Domain.Tests.Documents;

/// <summary>Callers, documents and journals of two agencies, built through the rules and events as the server would.</summary>
internal static class DocumentFixtures
{
    public const string AgencyA = "agency-a";
    public const string AgencyB = "agency-b";
    public const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public const string OtherSha = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    public static readonly WorkingCalendar Kz = WorkingCalendar.Kazakhstan;
    public static readonly TimeSpan Almaty = TimeSpan.FromHours(5);

    /// <summary>Wednesday 4 March 2026, 10:00 in Almaty: an ordinary working day.</summary>
    public static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 10, 0, 0, Almaty);

    public static Caller Staff(string id, string agency, params Role[] roles) =>
        new(id, CallerKind.Employee, agency, roles.ToHashSet(), id);

    public static readonly Caller Registrar = Staff("emp-registrar", AgencyA, Role.Registrar);
    public static readonly Caller Head = Staff("emp-head", AgencyA, Role.Head);
    public static readonly Caller Author = Staff("emp-author", AgencyA, Role.Executor);
    public static readonly Caller Colleague = Staff("emp-colleague", AgencyA, Role.Executor);
    public static readonly Caller AgencyAdmin = Staff("emp-admin-a", AgencyA, Role.AgencyAdmin);
    public static readonly Caller Auditor = Staff("emp-auditor", AgencyA, Role.Auditor);
    public static readonly Caller SystemAdmin = Staff("emp-root", "agency-ops", Role.Admin);
    public static readonly Caller RegistrarB = Staff("emp-registrar-b", AgencyB, Role.Registrar);
    public static readonly Caller Portal = new("key-portal", CallerKind.ApiKey, AgencyA, new HashSet<Role> { Role.Channel }, "eGov portal");

    public static readonly IReadOnlyList<AttachmentInfo> NoAttachments = [];

    public static RegistrationJournal Journal(string agency = AgencyA, string format = JournalNumberFormat.DefaultPattern,
        params DocumentKind[] kinds)
    {
        var created = new JournalCreated("jrn-" + agency, agency, "01-12", "General", format,
            kinds.Length == 0 ? Enum.GetValues<DocumentKind>() : kinds);
        return RegistrationJournal.From(created, Wednesday, 1);
    }

    /// <summary>A draft created through the rules by <paramref name="author"/> at <paramref name="at"/>.</summary>
    public static Document Draft(DocumentKind kind, Caller? author = null, DateTimeOffset? at = null, string id = "doc-1",
        string correspondent = "Ivanov I.")
    {
        var created = DocumentRules.Create(author ?? Registrar, (author ?? Registrar).AgencyId, id, kind, "Title", "Summary",
            "ru", correspondent, NoAttachments);
        return Document.From(created, at ?? Wednesday, 1);
    }

    /// <summary>The document after applying <paramref name="e"/> as the next event of its stream.</summary>
    public static Document Then(this Document doc, DomainEvent e, DateTimeOffset? at = null) =>
        doc.Apply(e, at ?? doc.UpdatedAt, doc.Version + 1);

    /// <summary>A document registered by the registrar at <paramref name="at"/> with sequence <paramref name="last"/> + 1.</summary>
    public static Document Registered(this Document doc, DateTimeOffset at, int last = 0, Caller? registrar = null) =>
        doc.Then(DocumentRules.Register(registrar ?? Registrar, doc, Journal(doc.AgencyId), last, at, Kz), at);

    /// <summary>An appeal received (created) at <paramref name="receivedAt"/> and registered at <paramref name="registeredAt"/>.</summary>
    public static Document Appeal(DateTimeOffset receivedAt, DateTimeOffset? registeredAt = null) =>
        Draft(DocumentKind.CitizenAppeal, at: receivedAt, id: "doc-appeal").Registered(registeredAt ?? receivedAt);
}
