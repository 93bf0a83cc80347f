using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using EDoc.Domain.Events;

namespace EDoc.Storage.EventLog;

/// <summary>
/// Events as JSON text. The text is stored verbatim and hashed as stored, so the serializer only has to be
/// deterministic when writing; verification never re-serializes.
/// </summary>
public static class EventSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter() },
        Encoder = Tables.StoredJson.Encoder,
    };

    private static readonly FrozenDictionary<string, Type> TypesByName = typeof(DomainEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(DomainEvent)) && !t.IsAbstract)
        .ToFrozenDictionary(t => t.Name);

    /// <summary>The stored type name of an event.</summary>
    public static string TypeName(DomainEvent e) => e.GetType().Name;

    /// <summary>The JSON text of an event.</summary>
    public static string Serialize(DomainEvent e) => JsonSerializer.Serialize(e, e.GetType(), Options);

    /// <summary>Reads an event back from its type name and JSON text.</summary>
    public static DomainEvent Deserialize(string typeName, string payload) =>
        TypesByName.TryGetValue(typeName, out var type)
            ? (DomainEvent)JsonSerializer.Deserialize(payload, type, Options)!
            : throw new InvalidOperationException($"Unknown event type '{typeName}'.");
}
