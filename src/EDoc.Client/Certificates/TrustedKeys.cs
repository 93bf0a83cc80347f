using System.Security.Cryptography;
using EDoc.Contracts.V1;
using EDoc.Domain.Certificates.Qr;

namespace EDoc.Client;

/// <summary>
/// The public keys of a trust list, found by the kid a QR names, and the offline check of a QR code against them. The
/// kid is computed from each key itself rather than taken from the list's key_id, so a list edited to pair a kid with
/// another key cannot make a forged code verify.
/// </summary>
public sealed class TrustedKeys : IDisposable
{
    private readonly List<(byte[] KeyId, ECDsa Key, TrustedKey Entry)> _keys = [];
    private readonly List<string> _warnings = [];

    public TrustedKeys(TrustList list)
    {
        foreach (var entry in list.Keys)
        {
            var key = ECDsa.Create();
            try
            {
                key.ImportSubjectPublicKeyInfo(entry.PublicKey.Span, out _);
            }
            catch (CryptographicException)
            {
                key.Dispose();
                _warnings.Add($"skipped key {entry.KeyId} of {entry.AgencyId}: its public_key is not an ECDSA public key");
                continue;
            }
            var keyId = QrKeyId.Of(entry.PublicKey.ToByteArray());
            if (entry.KeyId != Convert.ToBase64String(keyId))
                _warnings.Add($"key {entry.KeyId} of {entry.AgencyId} has the key id {Convert.ToBase64String(keyId)}; using that");
            _keys.Add((keyId, key, entry));
        }
    }

    /// <summary>How many keys are usable.</summary>
    public int Count => _keys.Count;

    /// <summary>What was wrong with the list: keys skipped or their ids corrected.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Checks a QR code's text offline: VALID only when a key of this list signed it and it has not expired at <paramref name="now"/>.</summary>
    public QrVerification Verify(string payload, DateTimeOffset now) => QrPayload.Verify(payload, Find, now);

    private ECDsa? Find(byte[] keyId) => Entry(keyId)?.Key;

    /// <summary>What the list says about the key with this kid.</summary>
    public TrustedKey? Describe(byte[] keyId) => Entry(keyId)?.Entry;

    private (byte[] KeyId, ECDsa Key, TrustedKey Entry)? Entry(byte[] keyId)
    {
        foreach (var key in _keys)
            if (key.KeyId.AsSpan().SequenceEqual(keyId)) return key;
        return null;
    }

    public void Dispose()
    {
        foreach (var (_, key, _) in _keys) key.Dispose();
    }
}
