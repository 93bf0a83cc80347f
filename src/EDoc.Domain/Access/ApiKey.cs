using EDoc.Domain.Events;

namespace EDoc.Domain.Access;

/// <summary>An API key of an agency system, never with its secret.</summary>
public sealed record ApiKey(
    string Id, string AgencyId, string DisplayName, IReadOnlyList<Role> Roles, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>The key an <see cref="ApiKeyCreated"/> event brings into being.</summary>
    public static ApiKey From(ApiKeyCreated e, string createdBy, DateTimeOffset at) =>
        new(e.KeyId, e.AgencyId, e.DisplayName, e.Roles, createdBy, at, null);
}

/// <summary>The sign-in state of an employee's password.</summary>
public sealed record Credentials(string EmployeeId, int ConsecutiveFailures, DateTimeOffset? LockedUntil, long PasswordVersion)
{
    /// <summary>A new employee's state: first password, no failures.</summary>
    public static Credentials Initial(string employeeId) => new(employeeId, 0, null, 1);

    /// <summary>The state after a sign-in or password event. A lock resets the count, so the next lock needs a full new series.</summary>
    public Credentials Apply(DomainEvent e) => e switch
    {
        PasswordChanged => this with { PasswordVersion = PasswordVersion + 1, ConsecutiveFailures = 0, LockedUntil = null },
        LoginSucceeded => this with { ConsecutiveFailures = 0, LockedUntil = null },
        LoginFailed f => this with { ConsecutiveFailures = f.LockedUntil is null ? f.ConsecutiveFailures : 0, LockedUntil = f.LockedUntil },
        _ => this,
    };
}
