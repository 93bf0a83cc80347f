namespace EDoc.Cli;

/// <summary>Files the user names, such as a downloaded PDF or an exported log: written whole or not at all.</summary>
internal static class BinaryFiles
{
    /// <summary>
    /// Writes through a temporary file next to <paramref name="file"/> that replaces it only once complete, so an
    /// interrupted or refused run never leaves a truncated file under the name. Returns what <paramref name="write"/> returns.
    /// </summary>
    public static async Task<T> ReplaceAsync<T>(FileInfo file, string what, Func<Stream, Task<T>> write)
    {
        var temporary = file.FullName + ".partial";
        try
        {
            T result;
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
                result = await write(stream);
            File.Move(temporary, file.FullName, overwrite: true);
            return result;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"cannot write {what}: {error.Message}");
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
