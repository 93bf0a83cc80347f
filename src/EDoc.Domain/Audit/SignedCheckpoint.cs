using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EDoc.Domain.Audit;

/// <summary>A tree head: how many leaves, their root, and when it was signed.</summary>
public sealed record TreeHead(long TreeSize, byte[] RootHash, DateTimeOffset Time);

/// <summary>
/// Checkpoints as signed notes in the style of C2SP tlog-checkpoint and signed-note: the body is the origin line,
/// the tree size, the base64 root hash and a "time" extension line; the signature line is "— name base64(key id ‖
/// signature)", where the key id is the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x02 ‖ public key) and the
/// signature is ECDSA P-256 over SHA-256 of the body (DER). Anyone with the published key checks it offline.
/// </summary>
public static class SignedCheckpoint
{
    /// <summary>The origin line and key name of EDoc's log.</summary>
    public const string Origin = "edoc.kz/log";

    private const byte EcdsaKeyType = 0x02;
    private const string SignaturePrefix = "\u2014 ";

    /// <summary>The note for a tree head, signed with the log key.</summary>
    public static string Sign(TreeHead head, ECDsa key)
    {
        var body = Body(head);
        var signature = key.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var publicKey = key.ExportSubjectPublicKeyInfo();
        return $"{body}\n{SignaturePrefix}{Origin} {Convert.ToBase64String([.. KeyId(publicKey), .. signature])}\n";
    }

    /// <summary>The tree head of a note whose signature the public key confirms; null for anything else.</summary>
    public static TreeHead? Verify(string note, byte[] publicKey)
    {
        var split = note.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0) return null;
        var body = note[..(split + 1)];
        var head = Parse(body);
        var signatureLine = note[(split + 2)..].TrimEnd('\n');
        if (head is null || !signatureLine.StartsWith(SignaturePrefix + Origin + " ", StringComparison.Ordinal)) return null;
        byte[] blob;
        try { blob = Convert.FromBase64String(signatureLine[(SignaturePrefix.Length + Origin.Length + 1)..]); }
        catch (FormatException) { return null; }
        if (blob.Length < 5 || !blob.AsSpan(0, 4).SequenceEqual(KeyId(publicKey))) return null;
        using var key = ECDsa.Create();
        try { key.ImportSubjectPublicKeyInfo(publicKey, out _); }
        catch (CryptographicException) { return null; }
        return key.VerifyData(Encoding.UTF8.GetBytes(body), blob.AsSpan(4), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            ? head
            : null;
    }

    /// <summary>The 4-byte key id that names the key in signature lines.</summary>
    public static byte[] KeyId(byte[] publicKey) =>
        SHA256.HashData([.. Encoding.UTF8.GetBytes(Origin + "\n"), EcdsaKeyType, .. publicKey])[..4];

    private static string Body(TreeHead head) =>
        $"{Origin}\n{head.TreeSize.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(head.RootHash)}\n" +
        $"time {head.Time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}\n";

    private static TreeHead? Parse(string body)
    {
        var lines = body.TrimEnd('\n').Split('\n');
        if (lines.Length != 4 || lines[0] != Origin || !lines[3].StartsWith("time ", StringComparison.Ordinal)) return null;
        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)) return null;
        if (!long.TryParse(lines[3][5..], NumberStyles.None, CultureInfo.InvariantCulture, out var millis)) return null;
        try
        {
            var root = Convert.FromBase64String(lines[2]);
            return root.Length == MerkleHash.Size ? new TreeHead(size, root, DateTimeOffset.FromUnixTimeMilliseconds(millis)) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
