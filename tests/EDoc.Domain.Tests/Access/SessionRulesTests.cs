using EDoc.Domain.Access;
using EDoc.Domain.Directory;

namespace EDoc.Domain.Tests.Access;

/// <summary>When an access token still speaks for its employee, and what presenting a refresh token comes to.</summary>
public class SessionRulesTests
{
    private static readonly SessionStanding Current = new(Active: true, PasswordVersion: 3, new HashSet<Role> { Role.Registrar, Role.Head });

    [Fact]
    public void A_token_with_the_current_password_version_and_roles_is_admitted_whatever_their_order()
    {
        Assert.True(Current.Admits(3, new HashSet<Role> { Role.Head, Role.Registrar }));
    }

    [Fact]
    public void Deactivation_an_older_password_or_other_roles_end_the_token()
    {
        Assert.False((Current with { Active = false }).Admits(3, Current.Roles));
        Assert.False(Current.Admits(2, Current.Roles));
        Assert.False(Current.Admits(3, new HashSet<Role> { Role.Registrar }));
    }

    [Fact]
    public void A_role_change_lets_the_session_go_on_through_a_refresh_but_a_new_password_does_not()
    {
        Assert.True(Current.Continues(3));
        Assert.False(Current.Continues(2));
        Assert.False((Current with { Active = false }).Continues(3));
    }

    [Fact]
    public void Password_changes_and_employee_updates_change_the_standing_and_sign_ins_do_not()
    {
        Assert.Equal("e-1", SessionStanding.ChangedBy(new PasswordChanged("e-1")));
        Assert.Equal("e-2", SessionStanding.ChangedBy(new EmployeeUpdated("e-2", null, "Маман", [Role.Executor], null, Active: false)));
        Assert.Null(SessionStanding.ChangedBy(new LoginSucceeded("e-1")));
    }

    [Fact]
    public void Only_the_latest_refresh_token_of_a_live_session_is_exchanged()
    {
        var session = new SignInSession("session-1", "e-1", "latest", RevokedAt: null);

        Assert.Equal(RefreshVerdict.Exchange, session.Judge("latest"));
        Assert.Equal(RefreshVerdict.Reused, session.Judge("earlier"));
        Assert.Equal(RefreshVerdict.Ended, (session with { RevokedAt = DateTimeOffset.UnixEpoch }).Judge("latest"));
    }
}
