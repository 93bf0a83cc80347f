namespace EDoc.Storage.EventLog;

/// <summary>Stream ids: one stream per aggregate, named kind-id.</summary>
public static class Streams
{
    /// <summary>The stream of an agency.</summary>
    public static string Agency(string id) => "agency-" + id;

    /// <summary>The stream of an org unit.</summary>
    public static string OrgUnit(string id) => "orgunit-" + id;

    /// <summary>The stream of an employee's directory entry.</summary>
    public static string Employee(string id) => "employee-" + id;

    /// <summary>
    /// The stream of an employee's password and sign-ins, apart from the directory entry so that signing in
    /// never makes an administrator's pending update stale.
    /// </summary>
    public static string Credentials(string id) => "credentials-" + id;

    /// <summary>The system-wide stream of sign-ins that named no account that may sign in.</summary>
    public const string LoginsWithoutAccount = "logins-without-account";

    /// <summary>The stream of an API key.</summary>
    public static string ApiKey(string id) => "apikey-" + id;
}
