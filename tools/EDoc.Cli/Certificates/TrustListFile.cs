using EDoc.Contracts.V1;

namespace EDoc.Cli.Certificates;

/// <summary>The trust list file: saved by 'edoc certificates trust-list --out', read by 'edoc verify-qr'.</summary>
internal static class TrustListFile
{
    public static void Save(FileInfo file, TrustList list) => TextFiles.Write(file, TrustListJson.Format(list), "the trust list");

    /// <summary>The saved list; a file that is not one is a failure naming the file.</summary>
    public static TrustList Load(FileInfo file)
    {
        var text = TextFiles.Read(file, "the trust list");
        try
        {
            return TrustListJson.Parse(text);
        }
        catch (FormatException error)
        {
            throw new CliFailure($"{file.FullName} is not a trust list saved by 'edoc certificates trust-list': {error.Message}");
        }
    }
}
