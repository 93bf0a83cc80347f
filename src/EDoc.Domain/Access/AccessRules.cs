using System.Diagnostics.CodeAnalysis;
using EDoc.Domain.Directory;
using EDoc.Domain.Errors;
using EDoc.Domain.Events;

namespace EDoc.Domain.Access;

/// <summary>How many wrong passwords in a row lock an account, and for how long.</summary>
public sealed record LockoutPolicy(int MaxConsecutiveFailures, TimeSpan LockDuration)
{
    /// <summary>Five tries, then fifteen minutes: slows guessing to a crawl without locking people out for the day.</summary>
    public static LockoutPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15));
}

/// <summary>Decisions on sign-in, passwords and API keys.</summary>
public static class AccessRules
{
    /// <summary>Shortest password accepted.</summary>
    public const int MinPasswordLength = 10;

    /// <summary>Longest password accepted (bounds the hashing work a request can cause).</summary>
    public const int MaxPasswordLength = 128;

    /// <summary>Checks a new password against the policy.</summary>
    public static Violations Password(this Violations violations, string field, string? password)
    {
        if (string.IsNullOrEmpty(password)) violations.Add(field, "is required", "MISSING_FIELD");
        else if (password.Length < MinPasswordLength) violations.Add(field, $"must be at least {MinPasswordLength} characters", "WEAK_PASSWORD");
        else if (password.Length > MaxPasswordLength) violations.Add(field, $"must be at most {MaxPasswordLength} characters", "FIELD_TOO_LONG");
        return violations;
    }

    /// <summary>
    /// Decides a sign-in attempt. Every answer to a bad attempt is the same UNAUTHENTICATED, so the reply
    /// never tells whether the username exists; only a locked account says so, since its owner needs to know.
    /// </summary>
    public static DomainEvent Login(Employee employee, Credentials credentials, bool passwordMatches, DateTimeOffset now, LockoutPolicy policy)
    {
        EnsureNotLocked(credentials, now);
        if (!SignsIn(employee)) throw BadCredentials();
        if (passwordMatches) return new LoginSucceeded(employee.Id);
        var failures = credentials.ConsecutiveFailures + 1;
        return new LoginFailed(employee.Id, failures,
            failures >= policy.MaxConsecutiveFailures ? now + policy.LockDuration : null);
    }

    /// <summary>Whether the username names an account that may sign in; a sign-in to any other fails like a wrong password.</summary>
    public static bool SignsIn([NotNullWhen(true)] Employee? employee) => employee is { Active: true };

    /// <summary>Refuses a locked account before any password is checked, so guessing gets no answer while locked.</summary>
    public static void EnsureNotLocked(Credentials credentials, DateTimeOffset now)
    {
        if (credentials.LockedUntil is { } lockedUntil && lockedUntil > now) throw Locked(lockedUntil);
    }

    /// <summary>The one error for a wrong username or password.</summary>
    public static UnauthenticatedException BadCredentials() => new("Wrong username or password.", "BAD_CREDENTIALS");

    /// <summary>The error for a locked account.</summary>
    public static UnauthenticatedException Locked(DateTimeOffset until) =>
        new($"The account is locked after repeated failed sign-ins until {until:u}.", "ACCOUNT_LOCKED",
            new Dictionary<string, string> { ["lockedUntil"] = until.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>
    /// An agency admin issues keys for their own agency's systems, with roles they may grant (<see cref="RoleGrants"/>: a
    /// channel key only from the system administrator); nobody issues admin keys.
    /// </summary>
    public static ApiKeyCreated CreateApiKey(Caller caller, Agency agency, string keyId, string displayName, IReadOnlyList<Role> roles,
        bool operatorAgency)
    {
        caller.EnsureActs(agency.Id, "Agency", agency.Id, "Creating an API key", Role.AgencyAdmin);
        var violations = new Violations();
        if (roles.Count == 0) violations.Add("roles", "needs at least one role");
        if (roles.Contains(Role.Admin)) violations.Add("roles", "an API key cannot hold the admin role");
        violations.ThrowIfAny();
        caller.EnsureGrants(keyId, roles, operatorAgency);
        return new ApiKeyCreated(keyId, agency.Id, displayName.Trim(), roles.Distinct().Order().ToArray());
    }

    /// <summary>Revokes a key of the caller's agency; revoking twice is refused so the first revocation time stays true.</summary>
    public static ApiKeyRevoked RevokeApiKey(Caller caller, ApiKey key)
    {
        caller.EnsureActs(key.AgencyId, "ApiKey", key.Id, "Revoking an API key", Role.AgencyAdmin);
        if (key.RevokedAt is not null)
            throw new FailedPreconditionException("API_KEY_REVOKED", $"API key '{key.Id}' is already revoked.", key.Id);
        return new ApiKeyRevoked(key.Id);
    }
}
