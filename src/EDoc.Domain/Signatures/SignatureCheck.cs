namespace EDoc.Domain.Signatures;

/// <summary>The outcome of verifying a signature; each failure is distinct so the reply can say exactly what is wrong.</summary>
public enum SignatureCheck
{
    /// <summary>Signed by a current, unrevoked certificate of the agency CA issued to the expected employee, over this content.</summary>
    Valid = 1,
    /// <summary>Not a CMS SignedData with exactly one signer who carries their certificate.</summary>
    Malformed = 2,
    /// <summary>The signature does not match the content: the content (or the signature) was altered.</summary>
    WrongContent = 3,
    /// <summary>The signer's certificate was not issued by this agency's CA for signing.</summary>
    UntrustedChain = 4,
    /// <summary>The signer's certificate had expired.</summary>
    Expired = 5,
    /// <summary>The signer's certificate was not yet valid.</summary>
    NotYetValid = 6,
    /// <summary>The signer's certificate has been revoked.</summary>
    Revoked = 7,
    /// <summary>A valid certificate, but of another employee than the one who must sign.</summary>
    WrongSigner = 8,
}
