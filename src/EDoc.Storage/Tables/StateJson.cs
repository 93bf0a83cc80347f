using System.Text.Json;
using System.Text.Json.Serialization;

namespace EDoc.Storage.Tables;

/// <summary>
/// Aggregate states kept whole as JSON in their read-model row (documents, routes): one column instead of a table
/// per nested list, since they are always read and written whole. Only the columns lists filter on are separate.
/// </summary>
internal static class StateJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        Encoder = StoredJson.Encoder,
    };

    public static string Serialize<T>(T state) => JsonSerializer.Serialize(state, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"Empty {typeof(T).Name} state.");
}
