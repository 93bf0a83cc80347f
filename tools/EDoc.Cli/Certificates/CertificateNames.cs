using System.CommandLine;
using System.CommandLine.Parsing;
using EDoc.Contracts.V1;

namespace EDoc.Cli.Certificates;

/// <summary>Certificate enums on the command line and in tables: the proto names in kebab-case (service-centre, kk …).</summary>
internal static class CertificateNames
{
    /// <summary>--language kk|ru|en.</summary>
    public static Option<Language> LanguageOption() => EnumOption<Language>("--language", "The certificate's language (default: kk)");

    /// <summary>--channel online|service-centre|proactive.</summary>
    public static Option<Channel> ChannelOption()
    {
        // The server refuses a request without a channel (each counts in the channel-shift report); one typed here is most like online.
        var option = EnumOption<Channel>("--channel", "Where the request comes from, for the channel-shift report (default: online)");
        option.DefaultValueFactory = _ => Channel.Online;
        return option;
    }

    /// <summary>The kebab-case name, or "" for the unset zero value.</summary>
    public static string Name<T>(T value) where T : struct, Enum => Convert.ToInt32(value) == 0 ? "" : EnumNames.Kebab(value);

    private static Option<T> EnumOption<T>(string name, string description) where T : struct, Enum
    {
        var byName = Enum.GetValues<T>().Where(v => Convert.ToInt32(v) != 0).ToDictionary(EnumNames.Kebab);
        var option = new Option<T>(name)
        {
            Description = $"{description}; one of {string.Join(", ", byName.Keys)}",
            CustomParser = result => Parse(result, name, byName),
        };
        option.CompletionSources.Add(byName.Keys.ToArray());
        return option;
    }

    private static T Parse<T>(ArgumentResult result, string name, Dictionary<string, T> byName) where T : struct, Enum
    {
        var token = result.Tokens[0].Value;
        if (byName.TryGetValue(token, out var value)) return value;
        result.AddError($"{name}: unknown value '{token}'; use one of {string.Join(", ", byName.Keys)}");
        return default;
    }
}
