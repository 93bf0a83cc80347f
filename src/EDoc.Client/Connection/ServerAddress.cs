namespace EDoc.Client;

/// <summary>The address of an EDoc server as a person types it.</summary>
public static class ServerAddress
{
    /// <summary>The address of a server started with `dotnet run` and no --urls.</summary>
    public static readonly Uri Default = new("http://localhost:5080");

    /// <summary>The address, or null with <paramref name="error"/> saying why it is none.</summary>
    public static Uri? Parse(string text, out string error)
    {
        error = "";
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var address) && address.Scheme is "http" or "https") return address;
        error = $"'{text}' is not an http:// or https:// address";
        return null;
    }
}
