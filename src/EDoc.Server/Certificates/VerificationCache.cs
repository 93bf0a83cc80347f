using System.Collections.Concurrent;
using StackExchange.Redis;

namespace EDoc.Server.Certificates;

/// <summary>
/// Cached verification answers by certificate number. A miss fills the cache only if nothing is there yet, and a
/// revocation overwrites, so a fill that read the store just before a revocation can never put the stale answer back.
/// </summary>
internal interface IVerificationCache
{
    /// <summary>The cached answer, or null.</summary>
    Task<byte[]?> GetAsync(string number);

    /// <summary>Caches an answer read from the store, unless one is already cached.</summary>
    Task AddAsync(string number, byte[] entry);

    /// <summary>Replaces the cached answer: the certificate changed (it was revoked).</summary>
    Task ReplaceAsync(string number, byte[] entry);
}

/// <summary>The cache of a single instance, for the embedded store; several instances need <see cref="RedisVerificationCache"/>.</summary>
internal sealed class InProcessVerificationCache(TimeSpan lifetime, TimeProvider clock) : IVerificationCache
{
    /// <summary>Entries kept before the cache starts over; a bound on memory, not a tuning knob.</summary>
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, (byte[] Entry, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public Task<byte[]?> GetAsync(string number) =>
        Task.FromResult(_entries.TryGetValue(number, out var cached) && cached.Until > clock.GetUtcNow() ? cached.Entry : null);

    public Task AddAsync(string number, byte[] entry)
    {
        if (_entries.Count >= Capacity) _entries.Clear();
        var until = clock.GetUtcNow() + lifetime;
        _entries.AddOrUpdate(number, (entry, until), (_, old) => old.Until > clock.GetUtcNow() ? old : (entry, until));
        return Task.CompletedTask;
    }

    public Task ReplaceAsync(string number, byte[] entry)
    {
        _entries[number] = (entry, clock.GetUtcNow() + lifetime);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The cache shared by every instance through Redis, so a revocation on one is what every other one answers next.
/// Redis is an accelerator, not the truth: while it cannot be reached, answers come from the store (slower, still
/// right). A revocation then fails with UNAVAILABLE although it is committed, because instances that still reach Redis
/// may hold its old VALID answer; the client's retry with the same request_id replaces that answer once Redis is back.
/// </summary>
internal sealed class RedisVerificationCache(IConnectionMultiplexer redis, TimeSpan lifetime) : IVerificationCache
{
    private static RedisKey Key(string number) => "edoc:verify:" + number;

    private static bool IsOutage(Exception e) => e is RedisException or TimeoutException;

    public async Task<byte[]?> GetAsync(string number)
    {
        // Checked first so that an outage costs no timeout per call: commands to a lost connection wait for it to return.
        if (!redis.IsConnected) return null;
        try
        {
            return await redis.GetDatabase().StringGetAsync(Key(number)) is { IsNull: false } value ? (byte[])value! : null;
        }
        catch (Exception e) when (IsOutage(e))
        {
            return null;
        }
    }

    public async Task AddAsync(string number, byte[] entry)
    {
        if (!redis.IsConnected) return;
        try
        {
            await redis.GetDatabase().StringSetAsync(Key(number), entry, lifetime, When.NotExists);
        }
        catch (Exception e) when (IsOutage(e))
        {
            // Not cached this time; the next verification reads the store again.
        }
    }

    public Task ReplaceAsync(string number, byte[] entry) => redis.IsConnected
        ? redis.GetDatabase().StringSetAsync(Key(number), entry, lifetime)
        : throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is unreachable.", null,
            CommandStatus.WaitingToBeSent);
}
