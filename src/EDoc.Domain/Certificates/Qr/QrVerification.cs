namespace EDoc.Domain.Certificates.Qr;

/// <summary>Why a QR payload is not valid; a verifier shows each differently (an expired certificate is still genuine).</summary>
public enum QrFailure
{
    /// <summary>Valid: the signature holds and the certificate has not expired.</summary>
    None,

    /// <summary>Not an EDoc QR payload at all: wrong prefix, not Base45, not ZLIB, not COSE_Sign1, or unreadable claims.</summary>
    Malformed,

    /// <summary>Well formed, but signed with a key the verifier does not trust (or does not know yet: refresh the trust list).</summary>
    UnknownKey,

    /// <summary>The signature does not match the signed bytes: the payload was altered, or forged under a known kid.</summary>
    BadSignature,

    /// <summary>Genuine, but past its expiry; the claims are still given so the verifier can say what expired.</summary>
    Expired,
}

/// <summary>
/// The outcome of checking a QR payload offline. Revocation is not in it: a QR cannot know of a later revocation, so
/// only online verification by number can rule it out.
/// </summary>
/// <param name="Failure">What is wrong, or <see cref="QrFailure.None"/>.</param>
/// <param name="Message">One line for people, in English.</param>
/// <param name="Claims">
/// The decoded claims when they could be read. Vouched for only when <see cref="IsValid"/> or <see cref="QrFailure.Expired"/>;
/// with <see cref="QrFailure.UnknownKey"/> or <see cref="QrFailure.BadSignature"/> they are what the payload claims, no more.
/// </param>
/// <param name="KeyId">The kid from the protected header when it could be read, to tell the user which key to look for.</param>
public sealed record QrVerification(QrFailure Failure, string Message, QrClaims? Claims, byte[]? KeyId)
{
    /// <summary>Signed by a trusted key, unaltered, and not expired.</summary>
    public bool IsValid => Failure == QrFailure.None;
}
