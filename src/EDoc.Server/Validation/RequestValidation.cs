using System.Buffers;
using System.Collections;
using EDoc.Domain.Errors;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace EDoc.Server.Validation;

/// <summary>
/// Checks a request message whole, through its protobuf descriptor: every string, every nested message, every item of
/// every repeated field and map, so every RPC is covered, a new one included. Strings must fit their field's length and
/// hold no control characters (tab and line breaks only in free text), repeated fields their item count, and timestamps
/// the range of RFC 3339 (what google.protobuf.Timestamp allows and every client library converts).
/// </summary>
internal static class RequestValidation
{
    // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, google/protobuf/timestamp.proto's valid range.
    private const long MinTimestampSeconds = -62_135_596_800, MaxTimestampSeconds = 253_402_300_799;
    private const int MaxNanos = 999_999_999;

    // Unicode category Cc: C0 controls, DEL and C1 controls. U+0000 is among them, which PostgreSQL text cannot hold.
    private static readonly SearchValues<char> ControlCharacters =
        SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c)]);

    private static readonly SearchValues<char> ControlCharactersBesideLineBreaks =
        SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r')),
            .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c)]);

    /// <summary>Everything wrong with the message, each named by its field path (stages[0].participants[3].employee_id).</summary>
    public static List<FieldViolation> Check(IMessage message)
    {
        var found = new List<FieldViolation>();
        CheckMessage(message, "", found);
        return found;
    }

    // Paths are built only for a violation or a nested message, so a valid request of many strings allocates none.
    private static void CheckMessage(IMessage message, string path, List<FieldViolation> found)
    {
        if (message is Timestamp timestamp)
        {
            CheckTimestamp(timestamp, path, found);
            return;
        }
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap) CheckMap(field, (IDictionary)value, Join(path, field.Name), found);
            else if (field.IsRepeated) CheckList(field, (IList)value, path, found);
            else if (value is string text && TextProblem(field.Name, text) is { } problem) found.Add(problem.At(Join(path, field.Name)));
            else if (value is IMessage nested) CheckMessage(nested, Join(path, field.Name), found);
        }
    }

    private static void CheckList(FieldDescriptor field, IList items, string path, List<FieldViolation> found)
    {
        var max = FieldLimits.MaxItems(field.Name);
        // One violation for the whole list: its items are not looked at, so a huge list costs one line of reply.
        if (items.Count > max)
        {
            found.Add(new FieldViolation(Join(path, field.Name), $"must have at most {max} items", "TOO_MANY_ITEMS"));
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is string text && TextProblem(field.Name, text) is { } problem) found.Add(problem.At($"{Join(path, field.Name)}[{i}]"));
            else if (items[i] is IMessage nested) CheckMessage(nested, $"{Join(path, field.Name)}[{i}]", found);
        }
    }

    // Entries are named by position, not by key: a key is what may be wrong, and it is not echoed back.
    private static void CheckMap(FieldDescriptor field, IDictionary entries, string path, List<FieldViolation> found)
    {
        var max = FieldLimits.MaxItems(field.Name);
        if (entries.Count > max)
        {
            found.Add(new FieldViolation(path, $"must have at most {max} entries", "TOO_MANY_ITEMS"));
            return;
        }
        var i = 0;
        foreach (DictionaryEntry entry in entries)
        {
            if (entry.Key is string key && TextProblem(field.Name, key) is { } keyProblem) found.Add(keyProblem.At($"{path}[{i}].key"));
            if (entry.Value is string text && TextProblem(field.Name, text) is { } problem) found.Add(problem.At($"{path}[{i}].value"));
            else if (entry.Value is IMessage nested) CheckMessage(nested, $"{path}[{i}].value", found);
            i++;
        }
    }

    private static Problem? TextProblem(string fieldName, string text)
    {
        var max = FieldLimits.MaxLength(fieldName);
        if (text.Length > max) return new Problem($"must be at most {max} characters", "FIELD_TOO_LONG");
        if (FieldLimits.IsFreeText(fieldName))
        {
            return text.AsSpan().ContainsAny(ControlCharactersBesideLineBreaks)
                ? new Problem("must not contain control characters other than tab, CR and LF", "CONTROL_CHARACTER")
                : null;
        }
        return text.AsSpan().ContainsAny(ControlCharacters)
            ? new Problem("must not contain control characters (U+0000–U+001F, U+007F–U+009F)", "CONTROL_CHARACTER")
            : null;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>What is wrong with a value, before it is known where the value sits.</summary>
    private sealed record Problem(string Description, string Reason)
    {
        public FieldViolation At(string path) => new(path, Description, Reason);
    }

    private static void CheckTimestamp(Timestamp timestamp, string path, List<FieldViolation> found)
    {
        if (timestamp.Seconds is < MinTimestampSeconds or > MaxTimestampSeconds)
            found.Add(new FieldViolation(path + ".seconds", "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z",
                "TIMESTAMP_OUT_OF_RANGE"));
        if (timestamp.Nanos is < 0 or > MaxNanos)
            found.Add(new FieldViolation(path + ".nanos", $"must be between 0 and {MaxNanos}", "TIMESTAMP_OUT_OF_RANGE"));
    }
}
