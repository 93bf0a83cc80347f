using System.Security.Cryptography;
using EDoc.Domain.Certificates.Qr;

namespace EDoc.Domain.Tests.Certificates;

/// <summary>An agency key, a realistic certificate's claims, and the layers of a QR text taken apart and put back.</summary>
internal static class QrFixtures
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 3, 2, 9, 15, 0, TimeSpan.FromHours(5));
    public static readonly DateTimeOffset ExpiresAt = IssuedAt.AddDays(30);

    /// <summary>An address certificate in Kazakh: Cyrillic text takes two UTF-8 bytes a letter, the worst case for size.</summary>
    public static QrClaims AddressCertificate(DateTimeOffset? expiresAt = null) => new(
        Issuer: "agency-mvd-0001",
        IssuedAt: IssuedAt,
        ExpiresAt: expiresAt ?? ExpiresAt,
        Number: "KZ-2026-00000042",
        TypeCode: "address",
        Title: "Тұрақты тіркелген мекенжайы туралы анықтама",
        HolderName: "Әлімжанова Гүлнұр Сәкенқызы",
        MaskedIin: QrClaims.MaskIin("900515401237"),
        Language: "kk",
        VerifyUrl: "https://edoc.kz/verify/KZ-2026-00000042");

    public static ECDsa NewAgencyKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>A key finder that trusts exactly <paramref name="trusted"/>, looked up by kid as a verifier's trust list does.</summary>
    public static Func<byte[], ECDsa?> Trusting(params ECDsa[] trusted) =>
        kid => trusted.FirstOrDefault(key => QrKeyId.Of(key).AsSpan().SequenceEqual(kid));

    /// <summary>The COSE_Sign1 bytes inside a QR text.</summary>
    public static byte[] CoseOf(string text) =>
        QrPayload.Unwrap(text, out var problem) ?? throw new InvalidOperationException(problem);

    /// <summary>A QR text around COSE bytes.</summary>
    public static string Wrap(byte[] cose) => QrPayload.Wrap(cose);
}
