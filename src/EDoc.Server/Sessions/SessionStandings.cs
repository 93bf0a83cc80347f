using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Claims;
using EDoc.Domain.Access;
using EDoc.Domain.Events;
using EDoc.Server.Auth;
using EDoc.Storage;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using StackExchange.Redis;
using Role = EDoc.Domain.Access.Role;

namespace EDoc.Server.Sessions;

/// <summary>
/// Checks on every call with an access token that the employee's standing still admits it, so deactivation, a password
/// change or a role change ends their sessions at once instead of when the token expires. Standings are cached per
/// instance, so a call costs a dictionary lookup and no database read; a change forgets the employee's entry here and,
/// through Redis when it is set, on every other instance.
/// </summary>
internal sealed class SessionStandings
{
    /// <summary>
    /// Without Redis nothing tells this instance of a change made on another, so an entry is read anew this often: the
    /// most another instance may lag behind, for one read per active employee per interval.
    /// </summary>
    private static readonly TimeSpan UnsharedLifetime = TimeSpan.FromSeconds(5);

    /// <summary>With Redis a change arrives as a message; Redis pub/sub delivers at most once, so entries still age out.</summary>
    private static readonly TimeSpan SharedLifetime = TimeSpan.FromMinutes(1);

    /// <summary>Entries kept before the cache starts over; a bound on memory, not a tuning knob.</summary>
    private const int Capacity = 100_000;

    private static readonly RedisChannel Changes = RedisChannel.Literal("edoc:session-standings");

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly IEDocStore _store;
    private readonly TimeProvider _clock;
    private readonly ISubscriber? _redis;
    private readonly TimeSpan _lifetime;
    private readonly ILogger _logger;

    public SessionStandings(IEDocStore store, TimeProvider clock, ILogger<SessionStandings> logger, IConnectionMultiplexer? redis = null)
    {
        _store = store;
        _clock = clock;
        _logger = logger;
        _lifetime = redis is null ? UnsharedLifetime : SharedLifetime;
        if (redis is null) return;
        _redis = redis.GetSubscriber();
        _redis.Subscribe(Changes, (_, employeeId) => Forget(employeeId.ToString()));
        // Messages sent while the connection was down are lost: start over rather than trust what may have changed.
        redis.ConnectionRestored += (_, _) => _entries.Clear();
    }

    /// <summary>JwtBearer's last step: a valid token whose employee's standing no longer admits it is refused.</summary>
    public async Task CheckAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        if (principal.FindFirstValue(EDocClaims.Subject) is not { } employeeId ||
            !long.TryParse(principal.FindFirstValue(EDocClaims.PasswordVersion), out var passwordVersion))
        {
            context.Fail(SessionStanding.Revoked());
            return;
        }
        SessionStanding? standing;
        try
        {
            standing = await StandingAsync(employeeId);
        }
        catch (Exception unreadable) when (unreadable is DbException or TimeoutException)
        {
            // The token may well be good: the caller hears that the store is down, not that their session ended.
            context.Fail(unreadable);
            return;
        }
        if (standing?.Admits(passwordVersion, principal.FindAll(EDocClaims.Role).Select(c => Enum.Parse<Role>(c.Value)).ToHashSet()) != true)
            context.Fail(SessionStanding.Revoked());
    }

    /// <summary>Forgets the standing of every employee the committed events may have changed, here and on every instance.</summary>
    public async Task ForgetAsync(IEnumerable<DomainEvent> committed)
    {
        foreach (var employeeId in committed.Select(SessionStanding.ChangedBy).OfType<string>().Distinct())
        {
            Forget(employeeId);
            if (_redis is null) continue;
            try
            {
                await _redis.PublishAsync(Changes, employeeId);
            }
            catch (RedisException unsent)
            {
                // The change is committed and must be answered as such. An instance whose own link to Redis broke clears
                // its cache when the link returns; one that stayed connected keeps the old standing for its lifetime.
                _logger.LogWarning(unsent, "Could not tell other instances that the sessions of {EmployeeId} changed", employeeId);
            }
        }
    }

    private void Forget(string employeeId) => _entries.TryRemove(employeeId, out _);

    private Task<SessionStanding?> StandingAsync(string employeeId)
    {
        var now = _clock.GetUtcNow();
        if (_entries.TryGetValue(employeeId, out var cached) && now - cached.ReadAt < _lifetime) return cached.Standing;
        if (_entries.Count >= Capacity) _entries.Clear();
        // The entry goes in before the read starts, so a change committed while the read runs forgets this entry
        // rather than leaving what the read may have seen before the commit.
        var read = new TaskCompletionSource<SessionStanding?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = new Entry(read.Task, now);
        _entries[employeeId] = entry;
        _ = FillAsync(employeeId, entry, read);
        return read.Task;
    }

    private async Task FillAsync(string employeeId, Entry entry, TaskCompletionSource<SessionStanding?> read)
    {
        try
        {
            read.SetResult(await ReadAsync(employeeId));
        }
        catch (Exception error)
        {
            // A read that failed (the store unreachable) must not stick: the next call reads again.
            _entries.TryRemove(KeyValuePair.Create(employeeId, entry));
            read.SetException(error);
        }
    }

    // Shared by every call waiting for it, so no one caller's cancellation may stop it.
    private async Task<SessionStanding?> ReadAsync(string employeeId)
    {
        var employee = await _store.Directory.GetEmployeeAsync(employeeId, CancellationToken.None);
        var credentials = await _store.Access.GetCredentialsAsync(employeeId, CancellationToken.None);
        return employee is null || credentials is null ? null : SessionStanding.Of(employee, credentials);
    }

    private sealed record Entry(Task<SessionStanding?> Standing, DateTimeOffset ReadAt);
}
