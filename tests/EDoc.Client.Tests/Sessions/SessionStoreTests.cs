namespace EDoc.Client.Tests.Sessions;

/// <summary>The saved session: private to its owner, read back whole, and a damaged file named rather than crashed on.</summary>
public sealed class SessionStoreTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("edoc-client-sessions-");

    private static readonly Session Saved = new("http://localhost:5080", "shym.executor", "access", DateTimeOffset.UtcNow.AddMinutes(15),
        "refresh", DateTimeOffset.UtcNow.AddDays(7));

    [Fact]
    public void A_saved_session_reads_back_and_only_its_owner_can_read_the_file()
    {
        var store = new SessionStore(Path.Combine(_directory.FullName, "config", "session.json"));

        store.Save(Saved);

        Assert.Equal(Saved, store.Load());
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.Path));
    }

    [Fact]
    public void A_damaged_file_is_named_by_Load_and_ignored_by_TryLoad()
    {
        var store = new SessionStore(Path.Combine(_directory.FullName, "session.json"));
        File.WriteAllText(store.Path, "{ not json");

        var error = Assert.Throws<DamagedSessionException>(store.Load);

        Assert.Contains(store.Path, error.Message);
        Assert.Null(store.TryLoad());
    }

    [Fact]
    public void Delete_says_whether_there_was_a_session()
    {
        var store = new SessionStore(Path.Combine(_directory.FullName, "session.json"));
        store.Save(Saved);

        Assert.True(store.Delete());
        Assert.False(store.Delete());
        Assert.Null(store.Load());
    }

    [Fact]
    public void A_session_belongs_to_its_own_server_only()
    {
        Assert.True(Saved.IsFor(new Uri("http://localhost:5080")));
        Assert.False(Saved.IsFor(new Uri("http://localhost:5081")));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
