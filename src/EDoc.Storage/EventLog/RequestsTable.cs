namespace EDoc.Storage.EventLog;

/// <summary>The requests table: the first reply of every idempotent command, kept by request id.</summary>
internal static class RequestsTable
{
    public static Task<CommitOutcome.Duplicate?> FindAsync(DbSession session, Guid requestId, CancellationToken ct) =>
        session.QuerySingleAsync("SELECT method, actor_id, reply FROM requests WHERE request_id = @id",
            r => new CommitOutcome.Duplicate(r.GetString(0), r.GetString(1), (byte[])r.GetValue(2)), ct, ("id", requestId.ToString("D")));

    /// <summary>The query that finds the earlier replies of any of the request ids, for a whole batch, into <paramref name="found"/>.</summary>
    public static RowsQuery FindQuery(IReadOnlyList<string> requestIds, Dictionary<Guid, CommitOutcome.Duplicate> found)
    {
        var (list, parameters) = DbSession.InList("r", requestIds);
        return new RowsQuery($"SELECT request_id, method, actor_id, reply FROM requests WHERE request_id IN ({list})",
            r => found[Guid.Parse(r.GetString(0))] = new CommitOutcome.Duplicate(r.GetString(1), r.GetString(2), (byte[])r.GetValue(3)),
            parameters);
    }
}
