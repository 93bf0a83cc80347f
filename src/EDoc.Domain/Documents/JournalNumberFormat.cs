using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using EDoc.Domain.Errors;

namespace EDoc.Domain.Documents;

/// <summary>
/// How a journal prints registration numbers: literal text with the tokens <c>{index}</c>, <c>{seq}</c> or
/// <c>{seq:N}</c> (zero-padded to N digits), <c>{yyyy}</c> and <c>{yy}</c>. Immutable; equal when the patterns are.
/// </summary>
public sealed class JournalNumberFormat : IEquatable<JournalNumberFormat>
{
    /// <summary>The format used when a journal names none: index, sequence and year, e.g. 01-12/27-2026.</summary>
    public const string DefaultPattern = "{index}/{seq}-{yyyy}";

    /// <summary>Longest pattern accepted; numbers are printed on receipts and stamps.</summary>
    public const int MaxPatternLength = 100;

    /// <summary>The widest zero padding of <c>{seq:N}</c>.</summary>
    public const int MaxSequenceWidth = 9;

    private enum TokenKind { Literal, Index, Sequence, FullYear, ShortYear }

    private readonly record struct Segment(TokenKind Kind, string Text, int Width);

    private readonly Segment[] _segments;

    private JournalNumberFormat(string pattern, Segment[] segments)
    {
        Pattern = pattern;
        _segments = segments;
    }

    /// <summary>The default format, <see cref="DefaultPattern"/>.</summary>
    public static JournalNumberFormat Default { get; } = Parse(DefaultPattern);

    /// <summary>The pattern as configured.</summary>
    public string Pattern { get; }

    /// <summary>
    /// Reads a pattern; it must contain <c>{seq}</c> exactly once (without it two registrations would get the same
    /// number) and no other braces than the tokens.
    /// </summary>
    public static bool TryParse(string? pattern, [NotNullWhen(true)] out JournalNumberFormat? format, [NotNullWhen(false)] out string? error)
    {
        format = null;
        if (string.IsNullOrWhiteSpace(pattern)) { error = "is required"; return false; }
        if (pattern.Length > MaxPatternLength) { error = $"must be at most {MaxPatternLength} characters"; return false; }

        var segments = new List<Segment>();
        var literal = new StringBuilder();
        var sequences = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '}') { error = $"has a '}}' without '{{' at position {i + 1}"; return false; }
            if (c != '{') { literal.Append(c); continue; }

            var close = pattern.IndexOf('}', i + 1);
            if (close < 0) { error = $"has a '{{' without '}}' at position {i + 1}"; return false; }
            var token = pattern[(i + 1)..close];
            if (!TryReadToken(token, out var segment))
            {
                error = $"has an unknown token {{{token}}}; use {{index}}, {{seq}}, {{seq:N}} with N from 1 to {MaxSequenceWidth}, {{yyyy}} or {{yy}}";
                return false;
            }
            if (literal.Length > 0) { segments.Add(new Segment(TokenKind.Literal, literal.ToString(), 0)); literal.Clear(); }
            if (segment.Kind == TokenKind.Sequence) sequences++;
            segments.Add(segment);
            i = close;
        }
        if (literal.Length > 0) segments.Add(new Segment(TokenKind.Literal, literal.ToString(), 0));

        if (sequences != 1) { error = "must contain {seq} (or {seq:N}) exactly once"; return false; }
        error = null;
        format = new JournalNumberFormat(pattern, segments.ToArray());
        return true;
    }

    /// <summary>Reads a pattern or throws <see cref="InvalidArgumentException"/> naming <paramref name="field"/> (reason INVALID_NUMBER_FORMAT).</summary>
    public static JournalNumberFormat Parse(string? pattern, string field = "journal.number_format") =>
        TryParse(pattern, out var format, out var error)
            ? format
            : throw InvalidArgumentException.For(field, error, "INVALID_NUMBER_FORMAT");

    /// <summary>The number of the <paramref name="sequence"/>-th registration of <paramref name="year"/> in a journal with <paramref name="index"/>.</summary>
    public string Format(string index, int sequence, int year)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);

        var number = new StringBuilder();
        foreach (var segment in _segments)
        {
            number.Append(segment.Kind switch
            {
                TokenKind.Literal => segment.Text,
                TokenKind.Index => index,
                // Padding only widens: a sequence longer than the width is printed whole, never cut.
                TokenKind.Sequence => sequence.ToString("D" + segment.Width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                TokenKind.FullYear => year.ToString("D4", CultureInfo.InvariantCulture),
                TokenKind.ShortYear => (year % 100).ToString("D2", CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException($"Unknown token kind {segment.Kind}."),
            });
        }
        return number.ToString();
    }

    /// <summary>Whether both formats have the same pattern.</summary>
    public bool Equals(JournalNumberFormat? other) => other is not null && other.Pattern == Pattern;

    /// <summary>Whether <paramref name="obj"/> is a format with the same pattern.</summary>
    public override bool Equals(object? obj) => Equals(obj as JournalNumberFormat);

    /// <summary>The pattern's hash.</summary>
    public override int GetHashCode() => Pattern.GetHashCode(StringComparison.Ordinal);

    /// <summary>The pattern.</summary>
    public override string ToString() => Pattern;

    private static bool TryReadToken(string token, out Segment segment)
    {
        segment = token switch
        {
            "index" => new Segment(TokenKind.Index, "", 0),
            "seq" => new Segment(TokenKind.Sequence, "", 1),
            "yyyy" => new Segment(TokenKind.FullYear, "", 0),
            "yy" => new Segment(TokenKind.ShortYear, "", 0),
            _ => default,
        };
        if (segment.Kind != TokenKind.Literal) return true;

        if (token.StartsWith("seq:", StringComparison.Ordinal)
            && token.Length == 5
            && token[4] is >= '1' and <= '9')
        {
            segment = new Segment(TokenKind.Sequence, "", token[4] - '0');
            return true;
        }
        return false;
    }
}
