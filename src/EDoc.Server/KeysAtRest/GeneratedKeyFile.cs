namespace EDoc.Server.KeysAtRest;

/// <summary>
/// The key-encryption key of a server started without one (the zero-setup demo): generated once into the data
/// directory, readable by its owner alone. Production configures KeyEncryptionKey instead, kept apart from the database.
/// </summary>
internal static class GeneratedKeyFile
{
    public const string FileName = "key-encryption.key";

    /// <summary>The key in the directory's file, generating the file first if there is none; says whether it did.</summary>
    public static (KeyEncryptionKey Key, bool Created) ReadOrCreate(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path)) return (Read(path), false);
        System.IO.Directory.CreateDirectory(directory);
        var key = KeyEncryptionKey.Generate();
        // Written aside and moved into place without overwriting, so two servers starting at once on one data
        // directory end up with one key, and a reader never sees half a file.
        var draft = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var owner = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(draft, owner)) writer.Write(key.ToBase64());
        try
        {
            File.Move(draft, path, overwrite: false);
            return (key, true);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(draft);
            return (Read(path), false);
        }
    }

    private static KeyEncryptionKey Read(string path) => KeyEncryptionKey.Parse(File.ReadAllText(path), "The key-encryption key file " + path);
}
