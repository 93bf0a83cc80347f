using EDoc.Domain.Access;
using EDoc.Domain.Directory;
using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using EDoc.Storage;

namespace EDoc.Server.Documents;

/// <summary>Loads what a document command or read is about; outside the caller's scope it is as missing as a wrong id.</summary>
internal static class VisibleResources
{
    public static async Task<Document> VisibleDocumentAsync(this IEDocStore store, Caller caller, string id, CancellationToken ct)
    {
        var doc = await store.Documents.GetDocumentAsync(id, ct) ?? throw new NotFoundException("Document", id);
        caller.EnsureSees(doc.AgencyId, "Document", id);
        return doc;
    }

    public static async Task<Agency> VisibleAgencyAsync(this IEDocStore store, Caller caller, string id, CancellationToken ct)
    {
        var agency = await store.Directory.GetAgencyAsync(id, ct) ?? throw new NotFoundException("Agency", id);
        caller.EnsureSees(agency.Id, "Agency", id);
        return agency;
    }
}
