using EDoc.Domain.Errors;

namespace EDoc.Domain.Signatures;

/// <summary>What <see cref="SignatureVerifier"/> found, with the signer's certificate details once it could read them.</summary>
public sealed record SignatureVerification(
    SignatureCheck Check, string Detail, string? SignerSerial = null, string? SignerThumbprint = null, string? SignerEmployeeId = null)
{
    /// <summary>Whether the signature is good.</summary>
    public bool IsValid => Check == SignatureCheck.Valid;

    /// <summary>The UPPER_SNAKE ErrorInfo reason of a failure; empty when valid.</summary>
    public string Reason => Check switch
    {
        SignatureCheck.Valid => "",
        SignatureCheck.Malformed => "MALFORMED_SIGNATURE",
        SignatureCheck.WrongContent => "SIGNATURE_MISMATCH",
        SignatureCheck.UntrustedChain => "UNTRUSTED_CERTIFICATE",
        SignatureCheck.Expired => "CERTIFICATE_EXPIRED",
        SignatureCheck.NotYetValid => "CERTIFICATE_NOT_YET_VALID",
        SignatureCheck.Revoked => "CERTIFICATE_REVOKED",
        SignatureCheck.WrongSigner => "WRONG_SIGNER",
        _ => "INVALID_SIGNATURE",
    };

    /// <summary>
    /// The error to answer with, or null when valid. What the request carries is wrong whatever the state
    /// (malformed, altered, foreign CA, someone else's certificate) → INVALID_ARGUMENT on <paramref name="field"/>;
    /// what depends on the key's state or the time (revoked, expired, not yet valid) → FAILED_PRECONDITION.
    /// </summary>
    public DomainException? ToException(string field = "signature") => Check switch
    {
        SignatureCheck.Valid => null,
        SignatureCheck.Expired or SignatureCheck.NotYetValid or SignatureCheck.Revoked =>
            new FailedPreconditionException(Reason, Detail, SignerSerial ?? ""),
        _ => InvalidArgumentException.For(field, Detail, Reason),
    };
}
