using System.Collections.Frozen;
using EDoc.Domain.Certificates.Qr;
using EDoc.Domain.Documents;
using EDoc.Domain.Registries;
using EDoc.Domain.Workflow;

namespace EDoc.Server.Validation;

/// <summary>
/// The limits every request field is held to before a service sees it. They go by the field's proto name, so a new RPC
/// gets them without a line here; the services' own rules (a title's 500 characters) are stricter and still apply.
/// </summary>
internal static class FieldLimits
{
    /// <summary>Longest string by default: an id, a name, a title, a filter; more than any of them holds.</summary>
    public const int DefaultMaxLength = 1_000;

    /// <summary>
    /// Longest id (a field named id or ending in _id or _ids): room to spare above a resource id's 63 characters (AIP-122)
    /// and a UUID's 36. Ids are echoed in replies ("no active employee '…'"), so a short cap keeps a reply naming many small.
    /// </summary>
    public const int MaxIdLength = 128;

    /// <summary>Most items of a repeated field by default: far above any list a real request sends.</summary>
    public const int DefaultMaxItems = 1_000;

    /// <summary>
    /// Free text written by people for people (a comment, an executor's report, a resolution's text), where tabs and line
    /// breaks are part of the text. Everywhere else a control character is a mistake or an attack.
    /// </summary>
    private static readonly FrozenSet<string> FreeTextFields =
        new[] { "comment", "report", "text", "summary", "reason", "refusal_reason", "revoke_reason" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> LongerStrings = new Dictionary<string, int>
    {
        ["comment"] = RouteRules.MaxCommentLength,
        ["report"] = RouteRules.MaxReportLength,
        ["text"] = RouteRules.MaxCommentLength,
        ["summary"] = DocumentRules.MaxSummaryLength,
        ["reason"] = DocumentRules.MaxReasonLength,
        ["qr_payload"] = QrPayload.Prefix.Length + QrPayload.MaxTextLength,
        ["refresh_token"] = 4_096,
        // A page token carries its list's filters, which may be as long as a filter field.
        ["page_token"] = 4_096,
        // A registry record's fields map: its values are the registry's own texts.
        ["fields"] = RegistryRules.MaxValueLength,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Lists a real agency never comes near; one violation refuses a longer one before a service checks each item.</summary>
    private static readonly FrozenDictionary<string, int> FewerItems = new Dictionary<string, int>
    {
        ["participants"] = 200,
        ["executor_ids"] = 200,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether tabs and line breaks belong in the field's text.</summary>
    public static bool IsFreeText(string fieldName) => FreeTextFields.Contains(fieldName);

    /// <summary>The longest string the field accepts, in UTF-16 code units.</summary>
    public static int MaxLength(string fieldName) =>
        IsId(fieldName) ? MaxIdLength : LongerStrings.GetValueOrDefault(fieldName, DefaultMaxLength);

    private static bool IsId(string fieldName) =>
        fieldName == "id" || fieldName.EndsWith("_id", StringComparison.Ordinal) || fieldName.EndsWith("_ids", StringComparison.Ordinal);

    /// <summary>The most items the repeated field accepts.</summary>
    public static int MaxItems(string fieldName) => FewerItems.GetValueOrDefault(fieldName, DefaultMaxItems);
}
