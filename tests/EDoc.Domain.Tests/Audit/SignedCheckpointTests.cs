using System.Security.Cryptography;
using System.Text;
using EDoc.Domain.Audit;
using FsCheck;
using FsCheck.Xunit;

namespace EDoc.Domain.Tests.Audit;

public sealed class SignedCheckpointTests : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly TreeHead _head = new(42, SHA256.HashData("root"u8), DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_123));

    private byte[] PublicKey => _key.ExportSubjectPublicKeyInfo();

    public void Dispose() => _key.Dispose();

    [Fact]
    public void A_signed_note_verifies_with_the_public_key_and_gives_back_the_tree_head()
    {
        var note = SignedCheckpoint.Sign(_head, _key);

        var head = SignedCheckpoint.Verify(note, PublicKey);

        Assert.NotNull(head);
        Assert.Equal(_head.TreeSize, head.TreeSize);
        Assert.Equal(_head.RootHash, head.RootHash);
        Assert.Equal(_head.Time, head.Time);
    }

    [Fact]
    public void The_note_is_a_C2SP_checkpoint_body_then_one_signature_line_naming_the_key()
    {
        var note = SignedCheckpoint.Sign(_head, _key);

        var lines = note.Split('\n');
        Assert.Equal(
            ["edoc.kz/log", "42", Convert.ToBase64String(_head.RootHash), "time 1767225600123", ""], lines[..5]);
        Assert.StartsWith("\u2014 edoc.kz/log ", lines[5]);
        Assert.Equal("", lines[6]);
        var blob = Convert.FromBase64String(lines[5]["\u2014 edoc.kz/log ".Length..]);
        Assert.Equal(SignedCheckpoint.KeyId(PublicKey), blob[..4]);
    }

    [Property(MaxTest = 100)]
    public bool Any_changed_character_of_the_body_fails(NonNegativeInt position)
    {
        var note = SignedCheckpoint.Sign(_head, _key);
        var body = note.IndexOf("\n\n", StringComparison.Ordinal) + 1;
        var at = position.Get % body;
        var changed = note[..at] + (note[at] == 'A' ? 'B' : 'A') + note[(at + 1)..];
        return SignedCheckpoint.Verify(changed, PublicKey) is null;
    }

    [Fact]
    public void A_different_tree_size_fails()
    {
        var note = SignedCheckpoint.Sign(_head, _key);

        Assert.Null(SignedCheckpoint.Verify(note.Replace("\n42\n", "\n43\n", StringComparison.Ordinal), PublicKey));
    }

    [Fact]
    public void A_flipped_bit_of_the_root_fails()
    {
        var note = SignedCheckpoint.Sign(_head, _key);
        var root = (byte[])_head.RootHash.Clone();
        root[7] ^= 0x10;

        var changed = note.Replace(Convert.ToBase64String(_head.RootHash), Convert.ToBase64String(root), StringComparison.Ordinal);

        Assert.NotEqual(note, changed);
        Assert.Null(SignedCheckpoint.Verify(changed, PublicKey));
    }

    [Property(MaxTest = 100)]
    public bool Any_flipped_bit_of_the_signature_or_key_id_fails(NonNegativeInt bit)
    {
        var note = SignedCheckpoint.Sign(_head, _key);
        var (body, blob) = Split(note);
        var position = bit.Get % (blob.Length * 8);
        blob[position / 8] ^= (byte)(1 << (position % 8));
        return SignedCheckpoint.Verify(body + Convert.ToBase64String(blob) + "\n", PublicKey) is null;
    }

    [Fact]
    public void Another_key_fails_even_with_the_signature_line_renamed_for_it()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var note = SignedCheckpoint.Sign(_head, _key);
        var (body, blob) = Split(note);
        var otherKey = other.ExportSubjectPublicKeyInfo();

        var renamed = body + Convert.ToBase64String([.. SignedCheckpoint.KeyId(otherKey), .. blob[4..]]) + "\n";

        Assert.Null(SignedCheckpoint.Verify(note, otherKey));
        Assert.Null(SignedCheckpoint.Verify(renamed, otherKey));
        Assert.NotNull(SignedCheckpoint.Verify(SignedCheckpoint.Sign(_head, other), otherKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("edoc.kz/log\n42\n")]
    [InlineData("other.example/log\n42\nAAAA\ntime 1\n\n\u2014 other.example/log AAAA\n")]
    public void Text_that_is_not_a_signed_note_fails(string note) => Assert.Null(SignedCheckpoint.Verify(note, PublicKey));

    [Fact]
    public void A_public_key_that_is_not_a_key_fails()
    {
        var note = SignedCheckpoint.Sign(_head, _key);

        Assert.Null(SignedCheckpoint.Verify(note, Encoding.UTF8.GetBytes("not a key")));
    }

    /// <summary>The note up to its signature, and the decoded key id ‖ signature.</summary>
    private static (string Prefix, byte[] Blob) Split(string note)
    {
        var start = note.LastIndexOf(' ') + 1;
        return (note[..start], Convert.FromBase64String(note[start..].TrimEnd('\n')));
    }
}
