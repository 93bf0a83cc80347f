using System.Security.Cryptography;

namespace EDoc.Domain.Audit;

/// <summary>The two hashes of RFC 9162 §2.1.1: leaves and interior nodes are hashed with different prefixes, so neither can pose as the other.</summary>
public static class MerkleHash
{
    /// <summary>Bytes of a SHA-256 hash.</summary>
    public const int Size = 32;

    /// <summary>The byte before a leaf's entry in its hash input.</summary>
    public const byte LeafPrefix = 0x00;

    /// <summary>The hash of the empty tree, SHA-256 of nothing.</summary>
    public static byte[] Empty { get; } = SHA256.HashData([]);

    /// <summary>SHA-256(0x00 ‖ entry).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        var input = new byte[entry.Length + 1];
        entry.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    /// <summary>
    /// The leaf hash of an input already laid out as 0x00 ‖ entry, into <paramref name="destination"/>: the same hash as
    /// <see cref="Leaf"/> without a copy or an allocation, for callers that write the entry behind the prefix themselves.
    /// </summary>
    public static void LeafOfPrefixed(ReadOnlySpan<byte> prefixedEntry, Span<byte> destination)
    {
        if (prefixedEntry.IsEmpty || prefixedEntry[0] != LeafPrefix)
            throw new ArgumentException("A leaf hash input starts with the leaf prefix 0x00.", nameof(prefixedEntry));
        ThreadSha256.Hash(prefixedEntry, destination);
    }

    /// <summary>SHA-256(0x01 ‖ left ‖ right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        Node(left, right, hash);
        return hash;
    }

    /// <summary>SHA-256(0x01 ‖ left ‖ right) into <paramref name="destination"/>, which may be where left is.</summary>
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[1 + 2 * Size];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Size)..]);
        ThreadSha256.Hash(input, destination);
    }

    /// <summary>
    /// SHA-256 on a context kept per thread. The one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>
    /// sets up and frees an OpenSSL context every call, which costs more than hashing a node's 65 bytes; a whole-log
    /// verification hashes two inputs per entry, so reusing the context is a fifth of its time.
    /// </summary>
    private static class ThreadSha256
    {
        [ThreadStatic] private static IncrementalHash? _context;

        public static void Hash(ReadOnlySpan<byte> input, Span<byte> destination)
        {
            // Checked before appending: a failure between append and reset would leave the input in the context for the next hash.
            ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Size, nameof(destination));
            var context = _context ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            context.AppendData(input);
            context.GetHashAndReset(destination);
        }
    }
}
