using System.Buffers;
using System.Text;
using System.Text.Json;
using EDoc.Domain.Workflow;

namespace EDoc.Storage.Tables;

/// <summary>
/// Reads the state column of a tasks row, as <see cref="StateJson"/> wrote it, in one pass. An inbox page maps 51 of
/// them, and the serializer's general converter for a record of 19 constructor parameters (an argument array, every
/// value boxed, a property lookup per name) took about a tenth of the server's CPU in a profile of ListTasks; this
/// reads a task in about 60 % of the time with half the allocations. Whatever it does not know exactly (a property
/// added to <see cref="RouteTask"/>, a number for an enum, escapes in a name) goes to <see cref="StateJson"/>, so it
/// is never wrong, only slower.
/// </summary>
internal static class RouteTaskJson
{
    /// <summary>Longest property name or enum value read here; anything longer is unknown.</summary>
    private const int MaxName = 32;

    /// <summary>Larger states (long comments, reports) are converted in a pooled buffer instead of on the stack.</summary>
    private const int StackBytes = 2048;

    public static RouteTask Read(string json) => TryRead(json) ?? StateJson.Deserialize<RouteTask>(json);

    /// <summary>The task, or null when the JSON has anything the fast path does not read exactly as the serializer would.</summary>
    internal static RouteTask? TryRead(string json)
    {
        var max = Encoding.UTF8.GetMaxByteCount(json.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            return TryRead(buffer[..Encoding.UTF8.GetBytes(json, buffer)]);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static RouteTask? TryRead(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        string? id = null, assigneeId = null, delegatedFrom = null, actedBy = null, actingFor = null, comment = null, report = null,
            delegatedTo = null;
        int stageIndex = 0, round = 0;
        int? slot = null;
        TaskAction action = default;
        RouteTaskStatus status = default;
        TaskOutcome? outcome = null;
        TaskCancellationReason? cancellation = null;
        DateOnly? dueDate = null, escalatedFor = null, remindedFor = null;
        var isMain = false;
        long version = 0;
        Span<char> name = stackalloc char[MaxName];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped || reader.ValueSpan.Length > MaxName) return null;
            var length = reader.CopyString(name);
            reader.Read();
            var ok = true;
            switch (name[..length])
            {
                case "id": id = reader.GetString(); break;
                case "stageIndex": stageIndex = reader.GetInt32(); break;
                case "round": round = reader.GetInt32(); break;
                case "slot": slot = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32(); break;
                case "assigneeId": assigneeId = reader.GetString(); break;
                case "action": ok = TryEnum(ref reader, out action); break;
                case "status": ok = TryEnum(ref reader, out status); break;
                case "dueDate": ok = TryDate(ref reader, out dueDate); break;
                case "isMain": isMain = reader.GetBoolean(); break;
                case "delegatedFromTaskId": delegatedFrom = reader.GetString(); break;
                case "outcome": ok = TryNullableEnum(ref reader, out outcome); break;
                case "actedBy": actedBy = reader.GetString(); break;
                case "actingFor": actingFor = reader.GetString(); break;
                case "comment": comment = reader.GetString(); break;
                case "report": report = reader.GetString(); break;
                case "delegatedToTaskId": delegatedTo = reader.GetString(); break;
                case "cancellationReason": ok = TryNullableEnum(ref reader, out cancellation); break;
                case "escalatedFor": ok = TryDate(ref reader, out escalatedFor); break;
                case "remindedFor": ok = TryDate(ref reader, out remindedFor); break;
                case "version": version = reader.GetInt64(); break;
                // Computed from status; written by the serializer, never read back.
                case "isOpen": reader.Skip(); break;
                default: return null;
            }
            if (!ok) return null;
        }
        if (reader.TokenType != JsonTokenType.EndObject || id is null || assigneeId is null) return null;
        return new RouteTask(id, stageIndex, round, slot, assigneeId, action, status, dueDate, isMain, delegatedFrom, outcome, actedBy,
            actingFor, comment, report, delegatedTo, cancellation, escalatedFor, remindedFor, version);
    }

    private static bool TryEnum<T>(ref Utf8JsonReader reader, out T value) where T : struct, Enum
    {
        value = default;
        Span<char> text = stackalloc char[MaxName];
        // Names only, as JsonStringEnumConverter writes them: a number or a list of flags takes the general path.
        return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length is > 0 and <= MaxName
               && char.IsAsciiLetter((char)reader.ValueSpan[0])
               && Enum.TryParse(text[..reader.CopyString(text)], ignoreCase: false, out value);
    }

    private static bool TryNullableEnum<T>(ref Utf8JsonReader reader, out T? value) where T : struct, Enum
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (!TryEnum(ref reader, out T parsed)) return false;
        value = parsed;
        return true;
    }

    private static bool TryDate(ref Utf8JsonReader reader, out DateOnly? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        // yyyy-MM-dd, as the serializer writes a DateOnly; read by hand, since parsing it by format cost more than the rest of the task.
        var text = reader.ValueSpan;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        value = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int number)
    {
        number = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit((char)digit)) return false;
            number = number * 10 + (digit - '0');
        }
        return true;
    }
}
