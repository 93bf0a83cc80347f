namespace EDoc.Testing;

/// <summary>Locates the checkout, so tests can find projects and files by their repository path.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The directory holding <c>EDoc.sln</c>, found by walking up from the test's output directory.</summary>
    public static string Root => LazyRoot.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EDoc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No EDoc.sln in {AppContext.BaseDirectory} or any directory above it.");
    }
}
