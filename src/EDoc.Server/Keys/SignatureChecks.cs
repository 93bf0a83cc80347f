using EDoc.Domain.Errors;
using EDoc.Domain.Signatures;
using EDoc.Storage;

namespace EDoc.Server.Keys;

/// <summary>Verifies a CMS detached signature over a document's current content against the agency's CA and revocations.</summary>
internal sealed class SignatureChecks(IEDocStore store, AgencyCa cas)
{
    /// <summary>Throws the verification's own error (INVALID_ARGUMENT or FAILED_PRECONDITION with a reason) unless the signature is good.</summary>
    public async Task EnsureValidAsync(string agencyId, string documentId, byte[] signature, string signerId, DateTimeOffset now,
        CancellationToken ct)
    {
        var document = await store.Documents.GetDocumentAsync(documentId, ct) ?? throw new NotFoundException("Document", documentId);
        var content = document.Content
                      ?? throw new FailedPreconditionException("NO_CONTENT", $"Document '{documentId}' has no content to sign.", documentId);
        // No CA yet means nobody of the agency holds a certificate, so no signature can be trusted.
        using var ca = await cas.FindCertificateAsync(agencyId, ct)
                       ?? throw InvalidArgumentException.For("signature", "no key of this agency is enrolled", "UNTRUSTED_CERTIFICATE");
        var revoked = await store.SigningKeys.RevokedSerialsAsync(agencyId, ct);
        var verification = SignatureVerifier.VerifyContentDigest(signature, content.Sha256Hex, ca, revoked, signerId, now);
        if (verification.ToException() is { } error) throw error;
    }
}
