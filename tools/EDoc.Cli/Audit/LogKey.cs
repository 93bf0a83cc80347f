using System.CommandLine;
using System.Security.Cryptography;
using EDoc.Contracts.V1;
using EDoc.Domain.Audit;
using Google.Protobuf;

namespace EDoc.Cli.Audit;

/// <summary>
/// The log's public key as an auditor keeps it: the base64 DER SubjectPublicKeyInfo on one line, saved once with
/// `edoc audit log-key --out` and then passed with --log-key, so that neither a server nor an export can swap it.
/// </summary>
internal static class LogKey
{
    /// <summary>The --log-key option of the commands that check signed checkpoints.</summary>
    public static Option<FileInfo> Option() => new("--log-key")
    {
        Description = "File with the log's public key as 'edoc audit log-key --out' saved it " +
                      "(default: the key that comes with the checkpoint, which is not an independent check)",
    };

    /// <summary>The key as saved.</summary>
    public static string Text(byte[] key) => Convert.ToBase64String(key);

    /// <summary>The key's C2SP key id in hex, short enough to compare by eye or read out on the phone.</summary>
    public static string Id(byte[] key) => Convert.ToHexStringLower(SignedCheckpoint.KeyId(key));

    /// <summary>Saves the key as <see cref="Read"/> reads it.</summary>
    public static void Write(FileInfo file, byte[] key) => TextFiles.Write(file, Text(key) + "\n", "the log key");

    /// <summary>The key to check signatures with: the saved one, else the one offered alongside the checkpoint, with a warning.</summary>
    public static byte[] Choose(FileInfo? saved, ByteString offered, Output output, string offeredBy)
    {
        if (saved is not null) return Read(saved);
        output.Warning($"the log key {Id(offered.ToByteArray())} was taken from {offeredBy}, so it was not independently checked: " +
                       "save it once with 'edoc audit log-key --out FILE' and pass --log-key FILE");
        return offered.ToByteArray();
    }

    /// <summary>A saved key; a file that does not hold an ECDSA P-256 public key is a failure.</summary>
    public static byte[] Read(FileInfo file)
    {
        var text = TextFiles.Read(file, "the log key").Trim();
        try
        {
            var key = Convert.FromBase64String(text);
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(key, out _);
            if (ecdsa.KeySize != 256) throw new CryptographicException("not a P-256 key");
            return key;
        }
        catch (Exception error) when (error is FormatException or CryptographicException)
        {
            throw new CliFailure($"{file.FullName} does not hold a log key (base64 DER of an ECDSA P-256 public key): {error.Message}");
        }
    }

    /// <summary>The tree head of a checkpoint whose note the key signed and whose fields say what the note says; else why not.</summary>
    public static (TreeHead? Head, string? Problem) SignedHead(Checkpoint checkpoint, byte[] key)
    {
        var head = SignedCheckpoint.Verify(checkpoint.SignedNote, key);
        if (head is null) return (null, $"the checkpoint of size {checkpoint.TreeSize} is not signed by the log key {Id(key)}");
        if (head.TreeSize != checkpoint.TreeSize || !head.RootHash.AsSpan().SequenceEqual(checkpoint.RootHash.Span))
            return (null, $"the checkpoint's tree size or root hash differ from its signed note (size {head.TreeSize})");
        return (head, null);
    }
}
