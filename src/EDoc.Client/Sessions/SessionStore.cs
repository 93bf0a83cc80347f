using System.Text.Json;

namespace EDoc.Client;

/// <summary>
/// Keeps the session in one JSON file that only its owner can read (mode 0600), since its refresh token is as good
/// as a password for a week.
/// </summary>
public sealed class SessionStore(string path)
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The session file.</summary>
    public string Path => path;

    /// <summary>The saved session, or null when nobody is signed in.</summary>
    public Session? Load()
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<Session>(File.ReadAllText(path), Json);
        }
        catch (JsonException error)
        {
            throw new DamagedSessionException(path, error);
        }
    }

    /// <summary>The saved session, or null when there is none or it is damaged: enough to pick a server to sign in to.</summary>
    public Session? TryLoad()
    {
        try
        {
            return Load();
        }
        catch (DamagedSessionException)
        {
            return null;
        }
    }

    /// <summary>Saves the session; a reader never sees a half-written file, nor one with wider permissions.</summary>
    public void Save(Session session)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
        else Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        var temporary = path + ".tmp";
        // The mode applies only to a file being created, so a leftover from an interrupted run is removed first.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        File.Delete(temporary);
        using (var file = new FileStream(temporary, options)) JsonSerializer.Serialize(file, session, Json);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Deletes the session; false when there was none.</summary>
    public bool Delete()
    {
        if (!File.Exists(path)) return false;
        File.Delete(path);
        return true;
    }
}
