using EDoc.Domain.Documents;
using EDoc.Domain.Errors;

namespace EDoc.Domain.Tests.Documents;

public class JournalNumberFormatTests
{
    [Fact]
    public void Default_format_prints_index_sequence_and_year()
    {
        Assert.Equal("01-12/27-2026", JournalNumberFormat.Default.Format("01-12", 27, 2026));
    }

    [Theory]
    [InlineData("{index}/{seq:5}-{yyyy}", 27, 2026, "01-12/00027-2026")]
    [InlineData("{index}/{seq:3}", 123456, 2026, "01-12/123456")] // padding widens, never cuts
    [InlineData("ВХ-{seq}/{yy}", 7, 2026, "ВХ-7/26")]
    [InlineData("{yy}-{seq:2}", 1, 2005, "05-01")]
    [InlineData("{seq}", 1, 2026, "1")]
    public void Tokens_are_replaced_and_literal_text_kept(string pattern, int sequence, int year, string expected)
    {
        Assert.Equal(expected, JournalNumberFormat.Parse(pattern).Format("01-12", sequence, year));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{index}/{yyyy}")]     // no sequence: every number would be the same
    [InlineData("{seq}-{seq:3}")]      // twice
    [InlineData("{index}/{seq")]       // unclosed
    [InlineData("{index}/seq}")]       // stray closing brace
    [InlineData("{index}/{number}")]   // unknown token
    [InlineData("{seq:0}")]
    [InlineData("{seq:10}")]
    [InlineData("{SEQ}")]
    public void Malformed_patterns_are_refused(string pattern)
    {
        Assert.False(JournalNumberFormat.TryParse(pattern, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
        var thrown = Assert.Throws<InvalidArgumentException>(() => JournalNumberFormat.Parse(pattern));
        Assert.Equal("INVALID_NUMBER_FORMAT", thrown.Reason);
        Assert.Equal("journal.number_format", Assert.Single(thrown.Violations).Field);
    }

    [Fact]
    public void Overlong_pattern_is_refused()
    {
        Assert.False(JournalNumberFormat.TryParse("{seq}" + new string('x', JournalNumberFormat.MaxPatternLength), out _, out _));
    }

    [Fact]
    public void Formats_with_the_same_pattern_are_equal()
    {
        Assert.Equal(JournalNumberFormat.Default, JournalNumberFormat.Parse("{index}/{seq}-{yyyy}"));
        Assert.NotEqual(JournalNumberFormat.Default, JournalNumberFormat.Parse("{index}/{seq}"));
    }

    [Fact]
    public void Format_refuses_a_sequence_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JournalNumberFormat.Default.Format("01", 0, 2026));
    }
}
