namespace EDoc.Storage.Providers;

/// <summary>Unique keys of the read models, named table.column on both providers.</summary>
public static class UniqueKey
{
    /// <summary>Maps a constraint named table_column_unique (see migrations) to table.column.</summary>
    public static string FromConstraintName(string constraintName)
    {
        var body = constraintName[..^"_unique".Length];
        var split = body.IndexOf("__", StringComparison.Ordinal);
        return split < 0 ? body : body[..split] + "." + body[(split + 2)..];
    }
}
