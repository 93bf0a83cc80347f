using System.Text.Json;
using System.Text.Json.Serialization;
using EDoc.Domain.Events;
using EDoc.Domain.Workflow;

namespace EDoc.Domain.Tests.Workflow;

/// <summary>Events as the event log stores them: camelCase JSON with enums as names, read back by type name.</summary>
internal static class EventJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(DomainEvent e) => JsonSerializer.Serialize(e, e.GetType(), Options);

    public static DomainEvent Read(Type type, string json) => (DomainEvent)JsonSerializer.Deserialize(json, type, Options)!;

    public static DomainEvent RoundTrip(DomainEvent e) => Read(e.GetType(), Write(e));

    /// <summary>The whole route state as text, so two states compare by content rather than by list identity.</summary>
    public static string Snapshot(Route route) =>
        JsonSerializer.Serialize(route with { History = [] }, Options) + "\n" +
        string.Join("\n", route.History.Select(e => e.GetType().Name + Write(e)));
}
