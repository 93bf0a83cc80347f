using System.Security.Cryptography;
using EDoc.Contracts.V1;
using EDoc.Domain.Certificates.Qr;
using Google.Protobuf;

namespace EDoc.Cli.Certificates;

/// <summary>
/// The trust list as a verifier keeps it: the GetTrustList reply in the proto3 JSON mapping, saved once online with
/// 'edoc certificates trust-list --out' and read offline by 'edoc verify-qr', so checking a QR needs no server.
/// </summary>
internal static class TrustListFile
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation());

    // A list saved by a newer server may carry fields this CLI does not know; the keys are what matters.
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static void Save(FileInfo file, TrustList list) => TextFiles.Write(file, Formatter.Format(list) + "\n", "the trust list");

    /// <summary>The saved list; a file that is not one is a failure naming the file.</summary>
    public static TrustList Load(FileInfo file)
    {
        var text = TextFiles.Read(file, "the trust list");
        try
        {
            return Parser.Parse<TrustList>(text);
        }
        catch (Exception error) when (error is InvalidJsonException or InvalidProtocolBufferException or FormatException)
        {
            throw new CliFailure($"{file.FullName} is not a trust list saved by 'edoc certificates trust-list': {error.Message}");
        }
    }
}

/// <summary>
/// The public keys of a trust list, found by the kid a QR names. The kid is computed from each key itself rather than
/// taken from the list's key_id, so a list edited to pair a kid with another key cannot make a forged code verify.
/// </summary>
internal sealed class TrustedKeys : IDisposable
{
    private readonly List<(byte[] KeyId, ECDsa Key, TrustedKey Entry)> _keys = [];

    public TrustedKeys(TrustList list, Output output)
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
                output.Warning($"skipped key {entry.KeyId} of {entry.AgencyId}: its public_key is not an ECDSA public key");
                continue;
            }
            var keyId = QrKeyId.Of(entry.PublicKey.ToByteArray());
            if (entry.KeyId != Convert.ToBase64String(keyId))
                output.Warning($"key {entry.KeyId} of {entry.AgencyId} has the key id {Convert.ToBase64String(keyId)}; using that");
            _keys.Add((keyId, key, entry));
        }
    }

    public int Count => _keys.Count;

    /// <summary>The key with this kid, for QrPayload.Verify; null when the list has none.</summary>
    public ECDsa? Find(byte[] keyId) => Entry(keyId)?.Key;

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
