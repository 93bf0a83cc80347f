namespace EDoc.Cli.Tests.Infrastructure;

/// <summary>
/// An auditor's working files in a temp directory of their own, deleted on dispose: the log key saved once, the
/// export, and whatever else a test names.
/// </summary>
public sealed class AuditFiles : IDisposable
{
    private readonly TempDirectory _directory = new();

    public string Directory => _directory.Path;

    public string Key => Named("log.key");

    public string Export => Named("log.jsonl");

    public string Named(string name) => Path.Combine(_directory.Path, name);

    /// <summary>Saves the log key, then exports (the range given, else the whole log): the key first, before any reason to doubt.</summary>
    public async Task SaveKeyAndExportAsync(CliUser user, params string[] range)
    {
        await user.SaveLogKeyAsync(Key);
        await user.ExportAsync(Export, range);
    }

    /// <summary>Verifies the export with the saved key.</summary>
    public Task<CliResult> VerifyAsync(CliUser user, params string[] options) => user.VerifyAsync(Export, ["--log-key", Key, .. options]);

    /// <summary>The export as a test reads and edits it.</summary>
    public ExportFile Load() => ExportFile.Load(Export);

    public void Dispose() => _directory.Dispose();
}
