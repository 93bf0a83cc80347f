namespace EDoc.Domain.Access;

/// <summary>An API key of an agency system, never with its secret.</summary>
public sealed record ApiKey(
    string Id, string AgencyId, string DisplayName, IReadOnlyList<Role> Roles, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The sign-in state of an employee's password.</summary>
public sealed record Credentials(string EmployeeId, int ConsecutiveFailures, DateTimeOffset? LockedUntil, long PasswordVersion);
