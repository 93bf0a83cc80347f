namespace EDoc.Bench.Measurement;

/// <summary>Cumulative counters of the store: how many write transactions it committed and how many WAL flushes that took.</summary>
internal sealed record DbCounters(long WriteTransactions, long WalSyncs)
{
    /// <summary>What happened between two readings.</summary>
    public static DbCounters operator -(DbCounters after, DbCounters before) =>
        new(after.WriteTransactions - before.WriteTransactions, after.WalSyncs - before.WalSyncs);
}

/// <summary>Reads <see cref="DbCounters"/>; only PostgreSQL keeps such statistics.</summary>
internal interface IDbCounterSource
{
    Task<DbCounters> ReadAsync(CancellationToken ct);
}
