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

    /// <summary>Writes UTF-8 text whole or not at all, as <see cref="BinaryFiles.ReplaceAsync{T}"/> writes bytes.</summary>
    public static Task<T> ReplaceAsync<T>(FileInfo file, string what, Func<TextWriter, Task<T>> write) =>
        BinaryFiles.ReplaceAsync(file, what, async stream =>
        {
            await using var writer = new StreamWriter(stream, Utf8) { NewLine = "\n" };
            return await write(writer);
        });

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
