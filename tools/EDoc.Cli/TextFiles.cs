using System.Text;

namespace EDoc.Cli;

/// <summary>Files the user names on the command line: a missing directory or a denied path is a failure to report, not a crash.</summary>
internal static class TextFiles
{
    /// <summary>UTF-8 without a byte order mark, which line-oriented tools would take for text.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static string Read(FileInfo file, string what) => Io(() => File.ReadAllText(file.FullName, Utf8), $"cannot read {what}");

    public static void Write(FileInfo file, string text, string what) => Io(() =>
    {
        File.WriteAllText(file.FullName, text, Utf8);
        return true;
    }, $"cannot write {what}");

    /// <summary>
    /// Writes through a temporary file next to <paramref name="file"/> that replaces it only once complete, so an
    /// interrupted or refused run never leaves a truncated file under the name.
    /// </summary>
    public static async Task<T> ReplaceAsync<T>(FileInfo file, string what, Func<TextWriter, Task<T>> write)
    {
        var temporary = file.FullName + ".partial";
        try
        {
            T result;
            await using (var writer = new StreamWriter(temporary, append: false, Utf8) { NewLine = "\n" })
                result = await write(writer);
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

    private static T Io<T>(Func<T> action, string failure)
    {
        try
        {
            return action();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"{failure}: {error.Message}");
        }
    }
}
