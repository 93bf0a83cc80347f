using EDoc.Domain.Events;

namespace EDoc.Domain.Certificates;

/// <summary>An issued certificate and whether it has been revoked.</summary>
public sealed record Certificate(
    string Number, string RequestId, string TypeCode, string AgencyId, string Iin, string HolderName, CertificateLanguage Language,
    IssueChannel Channel, string Title, string AgencyName, IReadOnlyList<CertificateLine> Lines, DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt, string SignedPayload, string Signature, string KeyId, string QrPayload, DateTimeOffset? RevokedAt,
    string? RevokeReason, long Version)
{
    /// <summary>Who asked for it (<see cref="ServiceRequest.RequestedBy"/>).</summary>
    public string? RequestedBy { get; init; }

    /// <summary>The certificate a <see cref="CertificateIssued"/> event brings into being.</summary>
    public static Certificate From(CertificateIssued e, long version) =>
        new(e.Number, e.RequestId, e.TypeCode, e.AgencyId, e.Iin, e.HolderName, e.Language, e.Channel, e.Title, e.AgencyName, e.Lines,
            e.IssuedAt, e.ExpiresAt, e.SignedPayload, e.Signature, e.KeyId, e.QrPayload, null, null, version);

    /// <summary>The certificate after a later event of its stream.</summary>
    public Certificate Apply(DomainEvent e, DateTimeOffset at, long version) => e switch
    {
        CertificateRevoked r => this with { RevokedAt = at, RevokeReason = r.Reason, Version = version },
        _ => this with { Version = version },
    };

    /// <summary>What a verifier is told at <paramref name="now"/>: revocation wins over expiry, since it is the stronger news.</summary>
    public CertificateStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? CertificateStatus.Revoked
        : ExpiresAt is { } expiry && now >= expiry ? CertificateStatus.Expired
        : CertificateStatus.Valid;
}
