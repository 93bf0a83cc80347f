using System.CommandLine;
using System.CommandLine.Parsing;
using EDoc.Contracts.V1;

namespace EDoc.Cli;

/// <summary>Roles on the command line: the proto enum's names in kebab-case (admin, agency-admin, registrar …).</summary>
internal static class RoleNames
{
    private static readonly Dictionary<string, Role> ByName =
        Enum.GetValues<Role>().Where(r => r != Role.Unspecified).ToDictionary(EnumNames.Kebab);

    /// <summary>The kebab-case name of a role.</summary>
    public static string Name(Role role) => EnumNames.Kebab(role);

    /// <summary>The roles, comma-separated.</summary>
    public static string Join(IEnumerable<Role> roles) => string.Join(",", roles.Select(Name));

    /// <summary>A repeatable --role option; an unknown name is a parse error, so it exits with the usage code.</summary>
    public static Option<Role[]> Option(string description)
    {
        var option = new Option<Role[]>("--role")
        {
            Description = $"{description}; one of {string.Join(", ", ByName.Keys)}; repeat for several",
            Required = true,
            HelpName = "role",
            CustomParser = Parse,
        };
        option.CompletionSources.Add(ByName.Keys.ToArray());
        return option;
    }

    private static Role[] Parse(ArgumentResult result)
    {
        var roles = new List<Role>();
        foreach (var token in result.Tokens)
        {
            if (ByName.TryGetValue(token.Value, out var role)) roles.Add(role);
            else result.AddError($"unknown role '{token.Value}'; use one of {string.Join(", ", ByName.Keys)}");
        }
        return [.. roles];
    }
}
