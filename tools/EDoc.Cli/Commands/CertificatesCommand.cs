using System.CommandLine;
using System.Globalization;
using EDoc.Cli.Certificates;
using EDoc.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EDoc.Cli.Commands;

/// <summary>
/// certificates request | get | list | pdf | revoke | verify | trust-list: certificates issued to citizens from state
/// registries. verify and trust-list need no sign-in, as anyone holding a certificate may check it.
/// </summary>
internal static class CertificatesCommand
{
    public static Command Create(CliContext cli) => new("certificates", "Certificates for citizens: request, read, revoke, verify")
    {
        Request(cli), Get(cli), List(cli), Pdf(cli), Revoke(cli), Verify(cli), TrustListCommand(cli),
    };

    private static Command Request(CliContext cli)
    {
        var iin = new Option<string>("--iin") { Description = "The citizen's IIN (12 digits)", Required = true };
        var type = new Option<string>("--type") { Description = "The certificate type's code, e.g. address", Required = true };
        var language = CertificateNames.LanguageOption();
        var channel = CertificateNames.ChannelOption();
        var requestId = RequestIds.Option();
        var command = new Command("request",
            "Request a certificate for a citizen: an instant type is issued at once, a manual one waits for the issuing agency")
        {
            iin, type, language, channel, requestId,
        };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var reply = await run.Server.Certificates.RequestCertificateAsync(new RequestCertificateRequest
            {
                RequestId = RequestIds.Of(parse, requestId), Iin = parse.GetValue(iin)!, CertificateType = parse.GetValue(type)!,
                Language = parse.GetValue(language), Channel = parse.GetValue(channel),
            }, cancellationToken: ct);
            var certificate = reply.Certificate;
            run.Output.Write(reply, () => run.Output.Fields(
                ("request", reply.Id), ("state", CertificateNames.Name(reply.State)), ("number", certificate?.Number ?? ""),
                ("title", certificate?.Title ?? ""), ("verify url", certificate?.VerifyUrl ?? ""),
                ("document", reply.DocumentId), ("refusal", reply.RefusalReason)));
        });
        return command;
    }

    private static Command Get(CliContext cli)
    {
        var number = NumberArgument();
        var command = new Command("get", "Show a certificate: its details, its body and its QR payload") { number };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var certificate = await run.Server.Certificates.GetCertificateAsync(
                new GetCertificateRequest { Number = parse.GetValue(number)! }, cancellationToken: ct);
            run.Output.Write(certificate, () =>
            {
                run.Output.Fields(
                    ("number", certificate.Number), ("type", certificate.CertificateType), ("title", certificate.Title),
                    ("agency", $"{certificate.AgencyId} ({certificate.AgencyName})"), ("holder", certificate.HolderName),
                    ("iin", certificate.Iin), ("language", CertificateNames.Name(certificate.Language)),
                    ("channel", CertificateNames.Name(certificate.Channel)), ("issued", Time(certificate.IssueTime)),
                    ("expires", certificate.ExpireTime is null ? "never" : Time(certificate.ExpireTime)),
                    ("revoked", certificate.RevokeTime is null ? "" : $"{Time(certificate.RevokeTime)}: {certificate.RevokeReason}"),
                    ("key id", certificate.KeyId), ("verify url", certificate.VerifyUrl), ("qr", certificate.QrPayload));
                if (certificate.Lines.Count == 0) return;
                run.Output.Line("");
                run.Output.Fields([.. certificate.Lines.Select(line => (line.Label, line.Value))]);
            });
        });
        return command;
    }

    private static Command List(CliContext cli)
    {
        var iin = new Option<string>("--iin") { Description = "Only this citizen's certificates (required for citizen channels)" };
        var type = new Option<string>("--type") { Description = "Only certificates of this type code" };
        return ListCommand.Create<ListCertificatesResponse>(cli, "List certificates, newest first", [iin, type],
            (run, parse, page, ct) => run.Server.Certificates.ListCertificatesAsync(new ListCertificatesRequest
            {
                Iin = parse.GetValue(iin) ?? "", CertificateType = parse.GetValue(type) ?? "", PageSize = page.Size, PageToken = page.Token,
            }, cancellationToken: ct).ResponseAsync,
            (reply, output) => output.Table(["number", "type", "holder", "iin", "issued", "expires", "revoked"], reply.Certificates.Select(c => new[]
            {
                c.Number, c.CertificateType, c.HolderName, c.Iin, Time(c.IssueTime), Time(c.ExpireTime), Time(c.RevokeTime),
            })));
    }

    private static Command Pdf(CliContext cli)
    {
        var number = NumberArgument();
        var output = new Option<FileInfo>("--out") { Description = "The PDF file to write", Required = true };
        var command = new Command("pdf", "Download a certificate as a PDF with its QR code") { number, output };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var target = parse.GetValue(output)!;
            var size = await BinaryFiles.ReplaceAsync(target, "the PDF", async file =>
            {
                using var call = run.Server.Certificates.DownloadCertificatePdf(
                    new DownloadCertificatePdfRequest { Number = parse.GetValue(number)! }, cancellationToken: ct);
                var written = 0L;
                await foreach (var chunk in call.ResponseStream.ReadAllAsync(ct))
                {
                    await file.WriteAsync(chunk.Data.Memory, ct);
                    written += chunk.Data.Length;
                }
                return written;
            });
            run.Output.Write(Summary(("file", target.FullName), ("bytes", size.ToString(CultureInfo.InvariantCulture))),
                () => run.Output.Line($"Saved {parse.GetValue(number)} ({size} bytes) to {target.FullName}."));
        });
        return command;
    }

    private static Command Revoke(CliContext cli)
    {
        var number = NumberArgument();
        var reason = new Option<string>("--reason") { Description = "Why; verifiers are shown it", Required = true };
        var requestId = RequestIds.Option();
        var command = new Command("revoke", "Revoke a certificate: every verification sees it at once") { number, reason, requestId };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var revoked = await run.Server.Certificates.RevokeCertificateAsync(new RevokeCertificateRequest
            {
                RequestId = RequestIds.Of(parse, requestId), Number = parse.GetValue(number)!, Reason = parse.GetValue(reason)!,
            }, cancellationToken: ct);
            run.Output.Write(revoked, () => run.Output.Fields(
                ("number", revoked.Number), ("revoked", Time(revoked.RevokeTime)), ("reason", revoked.RevokeReason)));
        });
        return command;
    }

    private static Command Verify(CliContext cli)
    {
        var number = new Argument<string?>("NUMBER") { Description = "The certificate's number", Arity = ArgumentArity.ZeroOrOne };
        var qr = new Option<string>("--qr") { Description = "The QR code's text, \"EDOC1:…\", instead of a number" };
        var iin = new Option<string>("--iin") { Description = "The holder's IIN, checked against the certificate (as the eGov portal's check does)" };
        var command = new Command("verify",
            "Check a certificate online by number or QR payload, revocation included (no sign-in needed); exit 0 only when valid")
        {
            number, qr, iin,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(number) is null == result.GetValue(qr) is null)
                result.AddError("give the certificate's NUMBER or --qr PAYLOAD (one of them)");
        });
        cli.SetAction(command, async (run, parse, ct) =>
        {
            var request = new VerifyCertificateRequest { Iin = parse.GetValue(iin) ?? "" };
            if (parse.GetValue(qr) is { } payload) request.QrPayload = payload.Trim();
            else request.Number = parse.GetValue(number)!;
            var reply = await run.Server.Certificates.VerifyCertificateAsync(request, cancellationToken: ct);
            var status = EnumNames.UpperSnake(reply.Status);
            run.Output.Write(reply, () =>
            {
                run.Output.Line(status);
                if (reply.Status is VerificationStatus.NotFound or VerificationStatus.Unspecified) return;
                run.Output.Fields(
                    ("number", reply.Number), ("type", reply.CertificateType), ("title", run.Output.Localized(reply.Title)),
                    ("holder", reply.HolderNameMasked), ("issuer", $"{reply.IssuerAgencyId} ({run.Output.Localized(reply.IssuerName)})"),
                    ("issued", Time(reply.IssueTime)), ("expires", reply.ExpireTime is null ? "never" : Time(reply.ExpireTime)),
                    ("revoked", reply.RevokeTime is null ? "" : $"{Time(reply.RevokeTime)}: {reply.RevokeReason}"));
            });
            // Scripts read the verdict from the exit code: only a valid certificate succeeds.
            if (reply.Status != VerificationStatus.Valid)
                throw new CliFailure(reply.Status == VerificationStatus.NotFound
                    ? "no such certificate" + (request.Iin.Length > 0 ? " for this IIN" : "")
                    : $"the certificate is {status.ToLowerInvariant()}");
        });
        return command;
    }

    private static Command TrustListCommand(CliContext cli)
    {
        var output = new Option<FileInfo>("--out") { Description = "Where to save the list, for 'edoc verify-qr --trust-list'", Required = true };
        var command = new Command("trust-list", "Save the issuing agencies' public keys, to verify QR codes offline (no sign-in needed)") { output };
        cli.SetAction(command, async (run, parse, ct) =>
        {
            var list = await run.Server.Certificates.GetTrustListAsync(new GetTrustListRequest(), cancellationToken: ct);
            var target = parse.GetValue(output)!;
            TrustListFile.Save(target, list);
            run.Output.Write(list, () =>
            {
                run.Output.Line($"Saved {list.Keys.Count} keys to {target.FullName}.");
                run.Output.Table(["key id", "agency", "algorithm"], list.Keys.Select(k => new[]
                {
                    k.KeyId, $"{k.AgencyId} ({run.Output.Localized(k.AgencyName)})", k.Algorithm,
                }));
            });
        });
        return command;
    }

    private static Argument<string> NumberArgument() => new("NUMBER") { Description = "The certificate's number, e.g. KZ-2026-00000042" };

    private static Struct Summary(params (string Name, string Value)[] fields)
    {
        var summary = new Struct();
        foreach (var (name, value) in fields) summary.Fields[name] = Value.ForString(value);
        return summary;
    }

    private static string Time(Timestamp? time) => time?.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture) ?? "";
}
