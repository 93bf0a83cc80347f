namespace EDoc.Storage.EventLog;

/// <summary>The requests table: the first reply of every idempotent command, kept by request id.</summary>
internal static class RequestsTable
{
    public static Task<CommitOutcome.Duplicate?> FindAsync(DbSession session, Guid requestId, CancellationToken ct) =>
        session.QuerySingleAsync("SELECT method, actor_id, reply FROM requests WHERE request_id = @id",
            r => new CommitOutcome.Duplicate(r.GetString(0), r.GetString(1), (byte[])r.GetValue(2)), ct, ("id", requestId.ToString("D")));
}
