namespace EDoc.Server.Demo;

/// <summary>
/// Where the demo's eGov portal API key secret is kept: a file in the data directory that only the server's user may
/// read. Standard output is the log, and a log store keeps whatever it is given for everyone who may read logs, so an
/// API key secret is never printed; the banner says where to read it.
/// </summary>
internal static class PortalKeyFile
{
    private const string FileName = "egov-portal-api-key";

    /// <summary>The file's full path under the data directory.</summary>
    public static string PathIn(string dataDirectory) => Path.GetFullPath(Path.Combine(dataDirectory, FileName));

    /// <summary>Replaces the file with the secret, created owner-only (0600) so that it is never readable by others.</summary>
    public static void Write(string dataDirectory, string secret)
    {
        var path = PathIn(dataDirectory);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var written = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new StreamWriter(written, options)) file.WriteLine(secret);
        // Renamed into place: nobody reads a half-written secret, and servers seeding side by side into one data
        // directory (tests, two instances starting at once) do not trip over each other's file.
        File.Move(written, path, overwrite: true);
    }
}
