using EDoc.Contracts.V1;
using Google.Protobuf;

namespace EDoc.Client;

/// <summary>
/// The trust list as a verifier keeps it: the GetTrustList reply in the proto3 JSON mapping, saved once online and
/// read offline, so checking a QR needs no server.
/// </summary>
public static class TrustListJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation());

    // A list saved by a newer server may carry fields this client does not know; the keys are what matters.
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>The list as saved text, ending in a newline.</summary>
    public static string Format(TrustList list) => Formatter.Format(list) + "\n";

    /// <summary>The list in <paramref name="text"/>; a <see cref="FormatException"/> says why it is none.</summary>
    public static TrustList Parse(string text)
    {
        try
        {
            return Parser.Parse<TrustList>(text);
        }
        catch (Exception error) when (error is InvalidJsonException or InvalidProtocolBufferException)
        {
            throw new FormatException(error.Message, error);
        }
    }
}
