using EDoc.Domain.Audit;

namespace EDoc.Domain.Tests.Audit;

/// <summary>
/// The canonical bytes are what stored leaf hashes and offline verifiers rest on: these vectors were taken from the
/// first encoder (a MemoryStream and one UTF-8 array per field) and must never change.
/// </summary>
public sealed class CanonicalEventTests
{
    private static readonly Guid RequestId = Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E");

    [Fact]
    public void Kazakh_text_and_a_request_id_encode_to_the_bytes_the_log_was_written_with()
    {
        var bytes = Kazakh();

        Assert.Equal(
            "000000000000002A00000012646F63756D656E742DD29AD0A02D3030303100000000000000030000000F7368796D6B656E742D616B696D6174" +
            "00000012446F63756D656E7452656769737465726564000000567B227469746C65223A22D3A8D182D196D0BDD196D18820E2809420D0B0D0B7" +
            "D0B0D0BCD0B0D182D182D18BD29B20D185D0B0D0BB20D0B0D0BAD182D196D0BBD0B5D180D196D0BD20D182D196D180D0BAD0B5D183227D0000" +
            "000C656D702DD398D0BBD0B8D18F0000000D686561642DD2B0D0BBD0B0D0BD0000002430663866616435622D643963622D343639662D61313635" +
            "2D3730383637373238393530650006474846222240",
            Convert.ToHexString(bytes));
        Assert.Equal("83D7621D248DD95421081FF6FF7927A1F4E60EEB347291D13801DC489E283054", Convert.ToHexString(MerkleHash.Leaf(bytes)));
    }

    [Fact]
    public void Null_fields_encode_as_empty_strings()
    {
        var bytes = CanonicalEvent.Encode(1, "s", 1, null, "T", "{}", "a", null, null, 0);

        Assert.Equal("000000000000000100000001730000000000000001000000000000000154000000027B7D000000016100000000000000000000000000000000",
            Convert.ToHexString(bytes));
    }

    [Fact]
    public void Lone_surrogates_and_extreme_numbers_encode_as_before()
    {
        var bytes = CanonicalEvent.Encode(-1, "x\uD800y", long.MaxValue, "", "", "\uDC00", "", "", Guid.Empty, long.MinValue);

        Assert.Equal(
            "FFFFFFFFFFFFFFFF0000000578EFBFBD797FFFFFFFFFFFFFFF000000000000000000000003EFBFBD0000000000000000000000243030303030" +
            "3030302D303030302D303030302D303030302D3030303030303030303030308000000000000000",
            Convert.ToHexString(bytes));
    }

    [Fact]
    public void The_allocation_free_leaf_hash_equals_the_leaf_hash_of_the_encoded_bytes()
    {
        var entry = new LogEntry(42, "document-ҚР-0001", 3, "shymkent-akimat", "DocumentRegistered",
            "{\"title\":\"Өтініш — азаматтық хал актілерін тіркеу\"}", "emp-Әлия", "head-Ұлан", RequestId, 1_767_225_600_123_456, []);
        Span<byte> hash = stackalloc byte[MerkleHash.Size];

        entry.ComputeLeafHash(hash);

        Assert.Equal(MerkleHash.Leaf(Kazakh()), hash.ToArray());
        Assert.Equal(MerkleHash.Leaf(Kazakh()), entry.ComputeLeafHash());
    }

    [Fact]
    public void Write_never_needs_more_than_max_length_even_for_text_that_is_all_three_byte_characters()
    {
        var payload = new string('Қ', 500) + new string('€', 500);
        var fields = new CanonicalEvent.TextFields(1, "s", 1, null, "T", payload, "a", null, RequestId, 0);
        var buffer = new byte[CanonicalEvent.MaxLength(fields)];

        var written = CanonicalEvent.Write(buffer, fields);

        Assert.Equal(CanonicalEvent.Encode(1, "s", 1, null, "T", payload, "a", null, RequestId, 0), buffer[..written]);
    }

    [Fact]
    public void Fields_given_as_stored_utf8_encode_to_the_same_bytes_as_strings()
    {
        var stored = new StoredUtf8(
            [42, 3, 1_767_225_600_123_456],
            ["document-ҚР-0001", "shymkent-akimat", "DocumentRegistered", "{\"title\":\"Өтініш — азаматтық хал актілерін тіркеу\"}",
                "emp-Әлия", "head-Ұлан", RequestId.ToString("D")]);
        var entries = new EncodedEntries();

        entries.Add(42, stored, MerkleHash.Leaf(Kazakh()));
        entries.HashLeaves();

        Assert.Equal(MerkleHash.Leaf(Kazakh()), entries.LeafHash(0).ToArray());
        Assert.Equal(MerkleHash.Leaf(Kazakh()), entries.StoredLeafHash(0).ToArray());
    }

    /// <summary>Fields as a database holds them: numbers, and text as UTF-8 bytes in the order of <see cref="CanonicalEvent.Fields"/>.</summary>
    private sealed class StoredUtf8(long[] numbers, string[] texts) : ICanonicalFields
    {
        private readonly byte[][] _utf8 = texts.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();

        public long Number(int field) => numbers[Index(field, CanonicalEvent.FieldKind.Number)];

        public int MaxTextBytes(int field) => _utf8[Index(field, CanonicalEvent.FieldKind.Text)].Length;

        public int WriteText(int field, ArraySegment<byte> destination)
        {
            var text = _utf8[Index(field, CanonicalEvent.FieldKind.Text)];
            text.CopyTo(destination.AsSpan());
            return text.Length;
        }

        /// <summary>The field's place among the fields of its kind.</summary>
        private static int Index(int field, CanonicalEvent.FieldKind kind)
        {
            var fields = CanonicalEvent.Fields;
            Assert.Equal(kind, fields[field]);
            return fields[..field].Count(kind);
        }
    }

    private static byte[] Kazakh() => CanonicalEvent.Encode(42, "document-ҚР-0001", 3, "shymkent-akimat", "DocumentRegistered",
        "{\"title\":\"Өтініш — азаматтық хал актілерін тіркеу\"}", "emp-Әлия", "head-Ұлан", RequestId, 1_767_225_600_123_456);
}
