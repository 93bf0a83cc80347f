using System.Text;
using EDoc.Domain.Certificates.Qr;
using FsCheck.Xunit;

namespace EDoc.Domain.Tests.Certificates;

public class Base45Tests
{
    // RFC 9285 section 4.3 and 4.4.
    [Theory]
    [InlineData("AB", "BB8")]
    [InlineData("Hello!!", "%69 VD92EX0")]
    [InlineData("base-45", "UJCLQE7W581")]
    [InlineData("ietf!", "QED8WEX0")]
    [InlineData("", "")]
    public void Encodes_the_rfc_9285_examples(string text, string base45)
    {
        Assert.Equal(base45, Base45.Encode(Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData("QED8WEX0", "ietf!")]
    [InlineData("%69 VD92EX0", "Hello!!")]
    [InlineData("UJCLQE7W581", "base-45")]
    [InlineData("BB8", "AB")]
    public void Decodes_the_rfc_9285_examples(string base45, string text)
    {
        Assert.Equal(text, Encoding.ASCII.GetString(Base45.Decode(base45)));
    }

    [Fact]
    public void Two_bytes_make_three_characters_least_significant_first()
    {
        // 0xFFFF = 65535 = 15 + 16·45 + 32·45²: "F", "G", "W".
        Assert.Equal("FGW", Base45.Encode([0xFF, 0xFF]));
        // A last odd byte: 255 = 30 + 5·45.
        Assert.Equal("U5", Base45.Encode([0xFF]));
    }

    [Theory]
    [InlineData("QEd8WEX0", "lower-case d")]
    [InlineData("BB8=", "a character outside the alphabet")]
    [InlineData("A\u00C9B", "a non-ASCII character")]
    public void Rejects_a_character_outside_the_alphabet(string text, string because)
    {
        Assert.False(Base45.TryDecode(text, out _), because);
        Assert.Throws<FormatException>(() => Base45.Decode(text));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("BB8A")]
    [InlineData("QED8WEX0QE")]
    public void Rejects_a_length_that_leaves_a_lone_character(string text)
    {
        Assert.False(Base45.TryDecode(text, out _));
    }

    [Theory]
    [InlineData("GGW", "65,536: one more than two bytes hold")]
    [InlineData(":::", "91,124: the largest three characters")]
    [InlineData("V5", "256 in a final pair: one more than a byte holds")]
    [InlineData("::", "2,024 in a final pair")]
    [InlineData("BB8GGW", "an overflowing group after a good one")]
    public void Rejects_a_group_whose_value_overflows_its_bytes(string text, string because)
    {
        Assert.False(Base45.TryDecode(text, out _), because);
    }

    [Fact]
    public void The_largest_values_that_fit_still_decode()
    {
        Assert.Equal([0xFF, 0xFF], Base45.Decode("FGW"));
        Assert.Equal([0xFF], Base45.Decode("U5"));
    }

    [Property(MaxTest = 500)]
    public bool Any_bytes_survive_a_round_trip(byte[] data) => Base45.Decode(Base45.Encode(data)).AsSpan().SequenceEqual(data);

    [Property(MaxTest = 500)]
    public bool The_text_is_half_again_as_long_and_uses_only_the_alphabet(byte[] data)
    {
        var text = Base45.Encode(data);
        return text.Length == data.Length / 2 * 3 + data.Length % 2 * 2 && text.All(c => Base45.Alphabet.Contains(c));
    }

    [Property(MaxTest = 500)]
    public bool Decoding_any_string_refuses_or_succeeds_but_never_throws(string? text)
    {
        var accepted = Base45.TryDecode(text ?? "", out var data);
        return !accepted || Base45.Encode(data) == (text ?? "");
    }
}
