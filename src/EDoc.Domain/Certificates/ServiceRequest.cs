using EDoc.Domain.Events;

namespace EDoc.Domain.Certificates;

/// <summary>A citizen's request for a certificate, from request to its answer and the citizen's rating.</summary>
public sealed record ServiceRequest(
    string Id, string TypeCode, string Iin, CertificateLanguage Language, IssueChannel Channel, string AgencyId, IssueMode Mode,
    string? DocumentId, string? RouteId, ServiceRequestState State, string? CertificateNumber, string? RefusalReason, string? ServedBy,
    string? ServedByUnit, int? Score, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, long Version)
{
    /// <summary>Who asked for it: the channel key acting for the citizen, or the admin; null for requests older than the field.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>The request a <see cref="CertificateRequested"/> event brings into being.</summary>
    public static ServiceRequest From(CertificateRequested e, DateTimeOffset at, long version) =>
        new(e.RequestId, e.TypeCode, e.Iin, e.Language, e.Channel, e.AgencyId, e.Mode, e.DocumentId, e.RouteId, ServiceRequestState.Pending, null,
            null, null, null, null, at, null, version);

    /// <summary>The request after a later event of its stream.</summary>
    public ServiceRequest Apply(DomainEvent e, DateTimeOffset at, long version) => e switch
    {
        ServiceRequestServed s => this with
        {
            State = ServiceRequestState.Issued, CertificateNumber = s.Number, ServedBy = s.EmployeeId, ServedByUnit = s.OrgUnitId,
            CompletedAt = at, Version = version,
        },
        ServiceRequestRefused r => this with
        {
            State = ServiceRequestState.Refused, RefusalReason = r.Reason, ServedBy = r.EmployeeId, ServedByUnit = r.OrgUnitId,
            CompletedAt = at, Version = version,
        },
        ServiceRated rated => this with { Score = rated.Score, Version = version },
        _ => this with { Version = version },
    };
}
