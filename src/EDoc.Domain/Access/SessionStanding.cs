using EDoc.Domain.Directory;
using EDoc.Domain.Errors;
using EDoc.Domain.Events;

namespace EDoc.Domain.Access;

/// <summary>
/// What an employee's access tokens stand on: an active account, the password they signed in with and the roles the
/// token carries. Deactivation, a password change or a role change makes every earlier token stop speaking for them.
/// </summary>
public sealed record SessionStanding(bool Active, long PasswordVersion, IReadOnlySet<Role> Roles)
{
    /// <summary>The standing of an employee with these credentials.</summary>
    public static SessionStanding Of(Employee employee, Credentials credentials) =>
        new(employee.Active, credentials.PasswordVersion, employee.Roles.ToHashSet());

    /// <summary>Whether a session begun with this password version goes on: a refresh gives it the current roles.</summary>
    public bool Continues(long passwordVersion) => Active && PasswordVersion == passwordVersion;

    /// <summary>Whether an access token issued with this password version and these roles still speaks for the employee.</summary>
    public bool Admits(long passwordVersion, IReadOnlySet<Role> roles) => Continues(passwordVersion) && Roles.SetEquals(roles);

    /// <summary>The employee whose standing the event may change, or null; their cached standing must be read anew.</summary>
    public static string? ChangedBy(DomainEvent e) => e switch
    {
        PasswordChanged p => p.EmployeeId,
        EmployeeUpdated u => u.EmployeeId,
        _ => null,
    };

    /// <summary>An access token that no longer speaks for its employee.</summary>
    public static UnauthenticatedException Revoked() =>
        new("This session has ended: the password was changed, the account deactivated or its roles changed; sign in again.",
            "SESSION_REVOKED");
}
