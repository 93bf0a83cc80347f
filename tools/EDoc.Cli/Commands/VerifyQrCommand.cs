using System.CommandLine;
using EDoc.Cli.Certificates;

namespace EDoc.Cli.Commands;

/// <summary>
/// verify-qr: checks a certificate's QR code with nothing but a saved trust list, as a border officer or a bank clerk
/// without network would. Runs the same domain code that signs the codes; exit 0 only for a valid code.
/// </summary>
internal static class VerifyQrCommand
{
    public static Command Create(CliContext cli)
    {
        var payload = new Argument<string?>("PAYLOAD") { Description = "The QR code's text, \"EDOC1:…\"", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<FileInfo>("--file") { Description = "Read the QR code's text from this file (as a scanner saved it)" };
        var trustList = new Option<FileInfo>("--trust-list")
        {
            Description = "The issuing agencies' keys, saved with 'edoc certificates trust-list --out FILE'", Required = true,
        };
        var command = new Command("verify-qr", "Check a certificate's QR code offline against a saved trust list: VALID, EXPIRED or INVALID")
        {
            payload, file, trustList,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(payload) is null == result.GetValue(file) is null)
                result.AddError("give the QR code's text as PAYLOAD or in --file FILE (one of them)");
        });
        cli.SetOfflineAction(command, (output, parse, _) =>
        {
            // Scanners and editors end a saved text with a newline, which is no part of the code.
            var text = (parse.GetValue(payload) ?? TextFiles.Read(parse.GetValue(file)!, "the QR code's text")).Trim();
            using var keys = new TrustedKeys(TrustListFile.Load(parse.GetValue(trustList)!));
            foreach (var warning in keys.Warnings) output.Warning(warning);
            if (keys.Count == 0) output.Warning("the trust list has no usable keys: no code can verify against it");
            var check = keys.Verify(text, cli.Environment.Clock.GetUtcNow());
            QrReport.Write(output, check, keys);
            return Task.FromResult(check.IsValid ? ExitCodes.Ok : ExitCodes.Failure);
        });
        return command;
    }
}
