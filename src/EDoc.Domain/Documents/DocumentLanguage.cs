namespace EDoc.Domain.Documents;

/// <summary>The languages a document may be written in: the state language, Russian and English.</summary>
public static class DocumentLanguage
{
    /// <summary>Kazakh, the state language.</summary>
    public const string Kazakh = "kk";

    /// <summary>Russian, used officially alongside Kazakh.</summary>
    public const string Russian = "ru";

    /// <summary>English, for international correspondence.</summary>
    public const string English = "en";

    /// <summary>Every accepted code, in the order the service shows them.</summary>
    public static IReadOnlyList<string> All { get; } = [Kazakh, Russian, English];

    /// <summary>Whether the code is one of <see cref="All"/>, compared exactly (codes are stored lowercase).</summary>
    public static bool IsSupported(string? code) => code is Kazakh or Russian or English;
}
