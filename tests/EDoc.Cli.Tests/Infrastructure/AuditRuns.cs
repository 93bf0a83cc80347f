using System.Security.Cryptography;

namespace EDoc.Cli.Tests.Infrastructure;

/// <summary>The audit commands as an auditor runs them, and what their verdicts look like.</summary>
public static class AuditRuns
{
    /// <summary>Saves the log key, as an auditor does once before trusting anything.</summary>
    public static Task<CliResult> SaveLogKeyAsync(this CliUser user, string path) => user.SucceedAsync("audit", "log-key", "--out", path);

    /// <summary>Exports the log and fails the test unless the export succeeds.</summary>
    public static Task<CliResult> ExportAsync(this CliUser user, string path, params string[] options) =>
        user.SucceedAsync(["audit", "export", path, .. options]);

    /// <summary>Verifies an export offline.</summary>
    public static Task<CliResult> VerifyAsync(this CliUser user, string path, params string[] options) =>
        user.RunAsync(["audit", "verify", path, .. options]);

    /// <summary>A file with a P-256 public key that is not the log's.</summary>
    public static string WriteOtherKey(string path)
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(path, Convert.ToBase64String(other.ExportSubjectPublicKeyInfo()) + "\n");
        return path;
    }

    /// <summary>The verdict on <paramref name="edit"/> names <paramref name="sequence"/> as the first bad entry and exits 1.</summary>
    public static void NamesFirstBad(this CliResult verify, long sequence, string edit = "the edit")
    {
        Assert.True(verify.ExitCode == 1 && verify.Stdout.StartsWith($"TAMPERED: first bad entry #{sequence}: ", StringComparison.Ordinal),
            $"After {edit}, expected entry {sequence} to be named; got {verify}");
    }
}
