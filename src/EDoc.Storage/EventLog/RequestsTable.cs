namespace EDoc.Storage.EventLog;

/// <summary>The requests table: the first reply of every idempotent command, kept by request id.</summary>
internal static class RequestsTable
{
    public static Task<CommitOutcome.Duplicate?> FindAsync(DbSession session, Guid requestId, CancellationToken ct) =>
        session.QuerySingleAsync("SELECT method, actor_id, reply FROM requests WHERE request_id = @id",
            r => new CommitOutcome.Duplicate(r.GetString(0), r.GetString(1), (byte[])r.GetValue(2)), ct, ("id", requestId.ToString("D")));

    /// <summary>The earlier replies of any of the request ids, for a whole batch in one query.</summary>
    public static async Task<Dictionary<Guid, CommitOutcome.Duplicate>> FindAsync(DbSession session, IReadOnlyList<string> requestIds,
        CancellationToken ct)
    {
        var (list, parameters) = DbSession.InList("r", requestIds);
        var rows = await session.QueryAsync($"SELECT request_id, method, actor_id, reply FROM requests WHERE request_id IN ({list})",
            r => (Id: Guid.Parse(r.GetString(0)), Reply: new CommitOutcome.Duplicate(r.GetString(1), r.GetString(2), (byte[])r.GetValue(3))),
            ct, parameters);
        return rows.ToDictionary(r => r.Id, r => r.Reply);
    }
}
