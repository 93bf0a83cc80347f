using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace EDoc.Server.Tests.Certificates;

/// <summary>Runs an installed command-line tool (pdftotext, zbarimg, …) the way a person checking a file would.</summary>
internal static class ExternalTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <summary>The tool's standard output (UTF-8); the test fails with its standard error when it exits non-zero.</summary>
    public static string Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var commandLine = string.Join(' ', [fileName, .. arguments]);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"{fileName} is not installed ({e.Message}); test.sh installs the Debian packages the tests use.");
            throw;
        }

        using (process)
        {
            // Both pipes are drained at once, so a tool that fills one while we wait on the other cannot hang.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"`{commandLine}` did not finish in {Timeout.TotalSeconds:0} s.");
            }

            process.WaitForExit();
            if (process.ExitCode != 0) Assert.Fail($"`{commandLine}` exited with {process.ExitCode}:\n{error.Result}");
            return output.Result;
        }
    }
}
