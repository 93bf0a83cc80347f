using EDoc.Domain.Directory;
using EDoc.Domain.Events;

namespace EDoc.Domain.Certificates;

/// <summary>A kind of certificate: who issues it, from which registry, for how long, and whether a human decides.</summary>
public sealed record CertificateType(
    string Code, LocalizedName Name, string IssuingAgencyId, string SourceRegistry, int ValidityDays, IssueMode Mode,
    string? HandlerEmployeeId, bool Active, long Version)
{
    /// <summary>The type a <see cref="CertificateTypeCreated"/> event brings into being.</summary>
    public static CertificateType From(CertificateTypeCreated e) =>
        new(e.Code, e.Name, e.IssuingAgencyId, e.SourceRegistry, e.ValidityDays, e.Mode, e.HandlerEmployeeId, e.Active, 1);

    /// <summary>The type after a later event of its stream.</summary>
    public CertificateType Apply(DomainEvent e, long version) => e switch
    {
        CertificateTypeUpdated u => new(u.Code, u.Name, u.IssuingAgencyId, u.SourceRegistry, u.ValidityDays, u.Mode, u.HandlerEmployeeId,
            u.Active, version),
        _ => this with { Version = version },
    };

    /// <summary>When a certificate issued at <paramref name="issuedAt"/> expires; null when the type's certificates do not.</summary>
    public DateTimeOffset? ExpiryFor(DateTimeOffset issuedAt) => ValidityDays == 0 ? null : issuedAt.AddDays(ValidityDays);
}
