using EDoc.Domain.Certificates;
using EDoc.Domain.Directory;
using EDoc.Domain.Errors;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Certificates;

/// <summary>Certificate domain records ↔ protobuf messages.</summary>
internal static class CertificateMapping
{
    public static Proto.CertificateType ToProto(CertificateType t) => new()
    {
        Code = t.Code, Name = Mapping.ToProto(t.Name), IssuingAgencyId = t.IssuingAgencyId, SourceRegistry = t.SourceRegistry,
        ValidityDays = t.ValidityDays, IssueMode = t.Mode == IssueMode.Manual ? Proto.IssueMode.Manual : Proto.IssueMode.Instant,
        HandlerEmployeeId = t.HandlerEmployeeId ?? "", Active = t.Active, Version = t.Version,
    };

    public static CertificateTypeDefinition ToDomain(Violations v, Proto.CertificateType? t)
    {
        t ??= new Proto.CertificateType();
        IssueMode? mode = t.IssueMode switch
        {
            Proto.IssueMode.Instant => IssueMode.Instant,
            Proto.IssueMode.Manual => IssueMode.Manual,
            Proto.IssueMode.Unspecified => null,
            _ => Unknown<IssueMode>(v, "certificate_type.issue_mode"),
        };
        var definition = new CertificateTypeDefinition(t.Code, Mapping.ToDomain(v, "certificate_type.name", t.Name), t.IssuingAgencyId,
            t.SourceRegistry, t.ValidityDays, mode, Mapping.OrNull(t.HandlerEmployeeId), t.Active);
        CertificateRules.Validate(v, "certificate_type", definition);
        return definition;
    }

    public static CertificateLanguage ToDomain(Violations v, string field, Proto.Language language) => language switch
    {
        Proto.Language.Unspecified or Proto.Language.Kk => CertificateLanguage.Kk,
        Proto.Language.Ru => CertificateLanguage.Ru,
        Proto.Language.En => CertificateLanguage.En,
        _ => Unknown<CertificateLanguage>(v, field),
    };

    public static IssueChannel ToDomain(Violations v, string field, Proto.Channel channel) => channel switch
    {
        Proto.Channel.Online => IssueChannel.Online,
        Proto.Channel.ServiceCentre => IssueChannel.ServiceCentre,
        Proto.Channel.Proactive => IssueChannel.Proactive,
        Proto.Channel.Unspecified => Missing<IssueChannel>(v, field),
        _ => Unknown<IssueChannel>(v, field),
    };

    public static Proto.Language ToProto(CertificateLanguage language) => language switch
    {
        CertificateLanguage.Ru => Proto.Language.Ru,
        CertificateLanguage.En => Proto.Language.En,
        _ => Proto.Language.Kk,
    };

    public static Proto.Channel ToProto(IssueChannel channel) => channel switch
    {
        IssueChannel.ServiceCentre => Proto.Channel.ServiceCentre,
        IssueChannel.Proactive => Proto.Channel.Proactive,
        _ => Proto.Channel.Online,
    };

    public static Proto.Certificate ToProto(Certificate c, string verifyBaseUrl) => new()
    {
        Number = c.Number, CertificateType = c.TypeCode, Title = c.Title, AgencyId = c.AgencyId, AgencyName = c.AgencyName, Iin = c.Iin,
        HolderName = c.HolderName, Language = ToProto(c.Language), Channel = ToProto(c.Channel),
        Lines = { c.Lines.Select(l => new Proto.CertificateLine { Label = l.Label, Value = l.Value }) },
        IssueTime = Timestamp.FromDateTimeOffset(c.IssuedAt), ExpireTime = Time(c.ExpiresAt), RevokeTime = Time(c.RevokedAt),
        RevokeReason = c.RevokeReason ?? "", SignedPayload = ByteString.CopyFromUtf8(c.SignedPayload),
        Signature = ByteString.FromBase64(c.Signature), KeyId = c.KeyId, QrPayload = c.QrPayload,
        VerifyUrl = AgencySigner.VerifyUrl(verifyBaseUrl, c.Number), ServiceRequestId = c.RequestId,
    };

    public static Proto.ServiceRequest ToProto(ServiceRequest r, Certificate? certificate, string verifyBaseUrl) => new()
    {
        Id = r.Id, CertificateType = r.TypeCode, Iin = r.Iin, Language = ToProto(r.Language), Channel = ToProto(r.Channel),
        State = r.State switch
        {
            ServiceRequestState.Issued => Proto.ServiceRequest.Types.State.Issued,
            ServiceRequestState.Refused => Proto.ServiceRequest.Types.State.Refused,
            _ => Proto.ServiceRequest.Types.State.Pending,
        },
        Certificate = certificate is null ? null : ToProto(certificate, verifyBaseUrl), DocumentId = r.DocumentId ?? "", AgencyId = r.AgencyId,
        CreateTime = Timestamp.FromDateTimeOffset(r.CreatedAt), CompleteTime = Time(r.CompletedAt), RefusalReason = r.RefusalReason ?? "",
    };

    public static Proto.Rating ToProto(ServiceRated r, DateTimeOffset at) => new()
    {
        ServiceRequestId = r.RequestId, Score = r.Score, Comment = r.Comment ?? "", AgencyId = r.AgencyId, OrgUnitId = r.OrgUnitId ?? "",
        EmployeeId = r.EmployeeId ?? "", CreateTime = Timestamp.FromDateTimeOffset(at),
    };

    /// <summary>What an anonymous verifier learns: the status and the certificate's public facts, the holder's name masked.</summary>
    public static Proto.VerifyCertificateResponse ToVerification(Certificate c, LocalizedName title, LocalizedName issuer) => new()
    {
        Status = c.RevokedAt is null ? Proto.VerificationStatus.Valid : Proto.VerificationStatus.Revoked,
        Number = c.Number, CertificateType = c.TypeCode, Title = Mapping.ToProto(title), IssuerAgencyId = c.AgencyId,
        IssuerName = Mapping.ToProto(issuer), IssueTime = Timestamp.FromDateTimeOffset(c.IssuedAt), ExpireTime = Time(c.ExpiresAt),
        RevokeTime = Time(c.RevokedAt), HolderNameMasked = HolderName.Mask(c.HolderName), RevokeReason = c.RevokeReason ?? "",
    };

    private static Timestamp? Time(DateTimeOffset? at) => at is { } t ? Timestamp.FromDateTimeOffset(t) : null;

    private static T Missing<T>(Violations v, string field) where T : struct, System.Enum
    {
        v.Add(field, "is required", "MISSING_FIELD");
        return default;
    }

    private static T Unknown<T>(Violations v, string field) where T : struct, System.Enum
    {
        v.Add(field, "is not a known value", "UNKNOWN_ENUM_VALUE");
        return default;
    }
}
