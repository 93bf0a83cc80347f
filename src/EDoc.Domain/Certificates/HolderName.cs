using System.Globalization;

namespace EDoc.Domain.Certificates;

/// <summary>A holder's name as anonymous verifiers see it.</summary>
public static class HolderName
{
    /// <summary>
    /// Keeps each name part's first letter: enough to tell the certificate matches the person in front of you,
    /// too little to learn who holds it ("Әлия Серікқызы Нұрланова" → "Ә*** С*** Н***").
    /// </summary>
    public static string Mask(string fullName) => string.Join(' ',
        fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => StringInfo.GetNextTextElementLength(part) is var first and > 0 ? part[..first] + "***" : part));
}
