namespace EDoc.Cli.Tests.Infrastructure;

/// <summary>A fresh directory under the system temp directory, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("edoc-cli-tests-");

    public string Path => _directory.FullName;

    public void Dispose()
    {
        if (_directory.Exists) _directory.Delete(recursive: true);
    }
}
