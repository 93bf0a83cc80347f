namespace EDoc.Storage.Queries;

/// <summary>One page of a keyset-paginated list: the items and the key to continue after, if there is more.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextAfter)
{
    /// <summary>Cuts a result fetched with one row more than the page size into a page.</summary>
    public static Page<T> From(List<T> rows, int size, Func<T, string> key) =>
        rows.Count > size ? new Page<T>(rows.GetRange(0, size), key(rows[size - 1])) : new Page<T>(rows, null);
}
