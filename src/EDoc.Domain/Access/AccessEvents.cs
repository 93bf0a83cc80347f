using EDoc.Domain.Events;

namespace EDoc.Domain.Access;

/// <summary>An employee's password was set or changed; the hash itself never enters the log.</summary>
public sealed record PasswordChanged(string EmployeeId) : DomainEvent;

/// <summary>An employee signed in.</summary>
public sealed record LoginSucceeded(string EmployeeId) : DomainEvent;

/// <summary>A sign-in with a wrong password; locks the account once too many happen in a row.</summary>
public sealed record LoginFailed(string EmployeeId, int ConsecutiveFailures, DateTimeOffset? LockedUntil) : DomainEvent;

/// <summary>
/// A sign-in named no account that may sign in (an unknown or deactivated username). Recorded like a wrong password, so
/// both answers take the same work; the name typed stays out of the log, since people type passwords there by mistake.
/// </summary>
public sealed record LoginFailedWithoutAccount : DomainEvent;

/// <summary>An API key was created for an agency system; its secret is stored only hashed, outside the log.</summary>
public sealed record ApiKeyCreated(string KeyId, string AgencyId, string DisplayName, IReadOnlyList<Role> Roles) : DomainEvent;

/// <summary>An API key stopped being accepted.</summary>
public sealed record ApiKeyRevoked(string KeyId) : DomainEvent;
