using EDoc.Domain.Signatures;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Keys;

/// <summary>Signing keys → API messages.</summary>
internal static class KeyMapping
{
    public static Proto.SigningKey ToProto(SigningKey k) => new()
    {
        Serial = k.Serial,
        EmployeeId = k.EmployeeId,
        AgencyId = k.AgencyId,
        Thumbprint = k.Thumbprint,
        Certificate = ByteString.CopyFrom(Convert.FromBase64String(k.CertificateBase64)),
        NotBefore = Timestamp.FromDateTimeOffset(k.NotBefore),
        NotAfter = Timestamp.FromDateTimeOffset(k.NotAfter),
        RevokeTime = k.RevokedAt is { } revoked ? Timestamp.FromDateTimeOffset(revoked) : null,
    };
}
