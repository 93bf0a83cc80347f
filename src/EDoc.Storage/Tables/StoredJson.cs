using System.Text.Encodings.Web;

namespace EDoc.Storage.Tables;

/// <summary>How the store writes JSON text: events, aggregate states and replies.</summary>
internal static class StoredJson
{
    /// <summary>
    /// Kazakh and Russian letters as themselves and quotes as <c>\"</c>. The default encoder writes each of them as a
    /// six-byte <c>\uXXXX</c>, which made a certificate's state (Cyrillic lines and its signed payload, a JSON text
    /// quoted inside it) about twice its size and unreadable in an export or a psql session. The default's extra
    /// escaping guards JSON pasted into HTML or script; stored JSON never is, and every page that shows a value
    /// encodes it itself.
    /// </summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
}
