using System.Security.Cryptography;

namespace EDoc.Domain.Audit;

/// <summary>The two hashes of RFC 9162 §2.1.1: leaves and interior nodes are hashed with different prefixes, so neither can pose as the other.</summary>
public static class MerkleHash
{
    /// <summary>Bytes of a SHA-256 hash.</summary>
    public const int Size = 32;

    /// <summary>The hash of the empty tree, SHA-256 of nothing.</summary>
    public static byte[] Empty { get; } = SHA256.HashData([]);

    /// <summary>SHA-256(0x00 ‖ entry).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        var input = new byte[entry.Length + 1];
        entry.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    /// <summary>SHA-256(0x01 ‖ left ‖ right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + 2 * Size];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Size)..]);
        return SHA256.HashData(input);
    }
}
