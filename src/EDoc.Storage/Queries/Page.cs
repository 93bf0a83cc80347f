namespace EDoc.Storage.Queries;

/// <summary>One page of a keyset-paginated list: the items and the key to continue after, if there is more.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextAfter)
{
    /// <summary>Cuts a result fetched with one row more than the page size into a page.</summary>
    public static Page<T> From(List<T> rows, int size, Func<T, string> key) =>
        rows.Count > size ? new Page<T>(rows.GetRange(0, size), key(rows[size - 1])) : new Page<T>(rows, null);
}

/// <summary>
/// The page key of lists ordered newest first by a time and then an id: "micros/id". One format for every such list,
/// so a key is made and read in one place.
/// </summary>
internal static class NewestFirstKey
{
    /// <summary>The key after which the next page starts.</summary>
    public static string Of(DateTimeOffset time, string id) =>
        EventLog.Micros.From(time).ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + id;

    /// <summary>The time and id to continue below; the first page starts above every row.</summary>
    public static (long Micros, string Id) Parse(string? after) => after?.Split('/', 2) is [var micros, var id]
        ? (long.Parse(micros, System.Globalization.CultureInfo.InvariantCulture), id)
        : (long.MaxValue, "");
}
