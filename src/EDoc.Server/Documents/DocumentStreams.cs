using System.Globalization;

namespace EDoc.Server.Documents;

/// <summary>Stream ids of the documents feature besides the document's own (<see cref="Domain.Documents.Document.StreamIdFor"/>).</summary>
internal static class DocumentStreams
{
    /// <summary>The stream of a journal's definition.</summary>
    public static string Journal(string journalId) => "journal-" + journalId;

    /// <summary>
    /// The counter of a journal's numbers in a year: one JournalNumberIssued per number, so its version is the last sequence.
    /// The '/' cannot occur in a resource id, so no journal's counter can be another journal's stream.
    /// </summary>
    public static string JournalNumbers(string journalId, int year) =>
        "journal-" + journalId + "/" + year.ToString(CultureInfo.InvariantCulture);
}
