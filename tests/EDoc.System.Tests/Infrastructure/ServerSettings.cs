namespace EDoc.System.Tests.Infrastructure;

/// <summary>Command-line settings of the server processes these tests start.</summary>
internal static class ServerSettings
{
    /// <summary>The password of the system administrator <c>admin</c>.</summary>
    public const string AdminPassword = "Test-Admin-Password-1";

    /// <summary>A server on the PostgreSQL database, with Redis when given; sign-ins are not rate limited, since every writer signs in.</summary>
    public static Dictionary<string, string> OnPostgres(string connection, string? redis = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Store"] = "postgres", ["Connection"] = connection, ["AdminPassword"] = AdminPassword,
            ["LoginPermitsPerMinute"] = "100000",
        };
        if (redis is not null) settings["Redis"] = redis;
        return settings;
    }
}
