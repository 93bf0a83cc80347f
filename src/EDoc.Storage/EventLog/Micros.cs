namespace EDoc.Storage.EventLog;

/// <summary>Timestamps are stored as Unix microseconds: exact, sortable and the same on both providers.</summary>
public static class Micros
{
    /// <summary>Unix microseconds of an instant.</summary>
    public static long From(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>The instant of Unix microseconds.</summary>
    public static DateTimeOffset ToTime(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);

    /// <summary>The instant cut to whole microseconds, so what a reply says equals what a later read returns.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) => ToTime(From(time));
}
