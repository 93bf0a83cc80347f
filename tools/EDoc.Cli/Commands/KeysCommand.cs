using System.CommandLine;
using EDoc.Cli.Auth;
using EDoc.Contracts.V1;
using Google.Protobuf;

namespace EDoc.Cli.Commands;

/// <summary>keys enroll | list | revoke, and sign: an employee's signing key and what it signs.</summary>
internal static class KeysCommand
{
    /// <summary>Where the key file's password comes from when not on standard input.</summary>
    public const string PasswordVariable = "EDOC_KEY_PASSWORD";

    public static Command Create(CliContext cli) => new("keys", "Your signing keys, certified by your agency's CA") { Enroll(cli), List(cli), Revoke(cli) };

    private static Command Enroll(CliContext cli)
    {
        var output = new Option<string>("--out") { Description = "The PKCS#12 file to create with the certificate and the key", Required = true };
        var requestId = RequestIds.Option();
        var passwordStdin = PasswordInput.StdinOption("the key file's password", PasswordVariable);
        var command = new Command("enroll", "Make a key on this machine and have your agency's CA certify it") { output, requestId, passwordStdin };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var path = parse.GetValue(output)!;
            if (File.Exists(path)) throw new UsageError($"--out: {path} already exists");
            var password = PasswordInput.Read(cli.Environment, parse.GetValue(passwordStdin), PasswordVariable, "Key file password: ");
            using var key = KeyFile.NewKey();
            var server = run.Server;
            var enrolled = await server.Keys.EnrollKeyAsync(new EnrollKeyRequest
            {
                RequestId = RequestIds.Of(parse, requestId), Csr = ByteString.CopyFrom(KeyFile.Csr(key)),
            }, cancellationToken: ct);
            KeyFile.Save(path, enrolled.Certificate.ToByteArray(), key, password);
            run.Output.Write(enrolled, () => Fields(run.Output, enrolled, ("file", path)));
        });
        return command;
    }

    private static Command List(CliContext cli)
    {
        var employee = new Option<string>("--employee") { Description = "Employee id (default: you)" };
        var command = new Command("list", "List an employee's keys, newest first") { employee };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var server = run.Server;
            var reply = await server.Keys.ListKeysAsync(new ListKeysRequest { EmployeeId = parse.GetValue(employee) ?? "" }, cancellationToken: ct);
            run.Output.Write(reply, () => run.Output.Table(["serial", "employee", "not after", "revoked"], reply.Keys.Select(k => new[]
            {
                k.Serial, k.EmployeeId, k.NotAfter.ToDateTimeOffset().ToString("u"), k.RevokeTime?.ToDateTimeOffset().ToString("u") ?? "",
            })));
        });
        return command;
    }

    private static Command Revoke(CliContext cli)
    {
        var serial = new Option<string>("--serial") { Description = "Certificate serial number (hex)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why, e.g. \"laptop lost\"", Required = true };
        var requestId = RequestIds.Option();
        var command = new Command("revoke", "Revoke a key at once; its signatures are refused from then on") { serial, reason, requestId };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var server = run.Server;
            var revoked = await server.Keys.RevokeKeyAsync(new RevokeKeyRequest
            {
                RequestId = RequestIds.Of(parse, requestId), Serial = parse.GetValue(serial)!, Reason = parse.GetValue(reason)!,
            }, cancellationToken: ct);
            run.Output.Write(revoked, () => Fields(run.Output, revoked));
        });
        return command;
    }

    /// <summary>sign --task ID --key FILE: signs the task's document as it is now and completes the task as signed.</summary>
    public static Command Sign(CliContext cli)
    {
        var task = new Option<string>("--task") { Description = "The signing task", Required = true };
        var keyFile = new Option<string>("--key") { Description = "Your PKCS#12 key file (from 'edoc keys enroll')", Required = true };
        var comment = new Option<string>("--comment") { Description = "A comment" };
        var requestId = RequestIds.Option();
        var passwordStdin = PasswordInput.StdinOption("the key file's password", PasswordVariable);
        var command = new Command("sign", "Sign a task's document with your key") { task, keyFile, comment, requestId, passwordStdin };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var password = PasswordInput.Read(cli.Environment, parse.GetValue(passwordStdin), PasswordVariable, "Key file password: ");
            using var certificate = KeyFile.Load(parse.GetValue(keyFile)!, password);
            var server = run.Server;
            var open = await server.Workflow.GetTaskAsync(new GetTaskRequest { Id = parse.GetValue(task)! }, cancellationToken: ct);
            var document = await server.Documents.GetDocumentAsync(new GetDocumentRequest { Id = open.DocumentId }, cancellationToken: ct);
            if (document.ContentSha256.Length == 0) throw new CliFailure($"document {document.Id} has no content to sign");
            // The version seen is sent back: if the task changed since it was read, the server refuses instead of signing blind.
            var signed = await server.Workflow.CompleteTaskAsync(new CompleteTaskRequest
            {
                RequestId = RequestIds.Of(parse, requestId), TaskId = open.Id, Outcome = TaskOutcome.Signed,
                Comment = parse.GetValue(comment) ?? "", ExpectedVersion = open.Version,
                Signature = ByteString.CopyFrom(KeyFile.SignDigest(certificate, document.ContentSha256)),
            }, cancellationToken: ct);
            run.Output.Write(signed, () => run.Output.Fields(("task", signed.Id), ("document", signed.DocumentId),
                ("sha256", document.ContentSha256), ("status", "signed")));
        });
        return command;
    }

    private static void Fields(Output output, SigningKey key, params (string, string)[] more) => output.Fields(
        [("serial", key.Serial), ("employee", key.EmployeeId), ("agency", key.AgencyId), ("thumbprint", key.Thumbprint),
            ("not after", key.NotAfter.ToDateTimeOffset().ToString("u")),
            ("revoked", key.RevokeTime?.ToDateTimeOffset().ToString("u") ?? ""), .. more]);
}
