using System.CommandLine;
using System.Globalization;
using EDoc.Cli.Audit;
using EDoc.Contracts.V1;
using EDoc.Domain.Audit;
using EDoc.Domain.Calendar;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EDoc.Cli.Commands;

/// <summary>
/// audit events | export | verify | prove | log-key | checkpoint | history | sla: reading the tamper-evident log,
/// checking it with nothing but the log's public key (verify runs offline, with the same code that writes the log),
/// and the reports built on it: a document's history and an agency's SLA report.
/// </summary>
internal static class AuditCommand
{
    /// <summary>What the SLA tables show of each row's figures: "overdue" is still open past the due date, "late" answered after it.</summary>
    private static readonly string[] SlaHeaders = ["tasks", "done", "on time %", "late", "open", "overdue", "avg days"];

    /// <summary>The name of the SLA unit table's last row, the whole agency.</summary>
    private const string AgencyTotal = "(agency total)";

    public static Command Create(CliContext cli) =>
        new("audit", "The tamper-evident event log: events, export, offline verification, proofs, document history, SLA report")
        {
            Events(cli), Export(cli), Verify(cli), Prove(cli), LogKeyCommand(cli), CheckpointCommand(cli), History(cli), Sla(cli),
        };

    private static Command Events(CliContext cli)
    {
        var agency = new Option<string>("--agency") { Description = "Only this agency's events (default: every agency you audit)" };
        var stream = new Option<string>("--stream") { Description = "Only the events of this stream, e.g. employee-emp-1a2b3c4d5e" };
        var type = new Option<string>("--type") { Description = "Only events of this type, e.g. EmployeeCreated" };
        var actor = new Option<string>("--actor") { Description = "Only events by this employee or API key" };
        return ListCommand.Create<ListEventsResponse>(cli, "List events of the log in log order", [agency, stream, type, actor],
            (run, parse, page, ct) => run.Server.Audit.ListEventsAsync(new ListEventsRequest
            {
                AgencyId = parse.GetValue(agency) ?? "", StreamId = parse.GetValue(stream) ?? "", EventType = parse.GetValue(type) ?? "",
                ActorId = parse.GetValue(actor) ?? "", PageSize = page.Size, PageToken = page.Token,
            }, cancellationToken: ct).ResponseAsync,
            (reply, output) => output.Table(["sequence", "time", "agency", "type", "actor", "stream"], reply.Events.Select(e => new[]
            {
                Number(e.Sequence), Time(e.RecordTime), e.AgencyId, e.EventType,
                e.OnBehalfOf.Length == 0 ? e.ActorId : $"{e.ActorId} for {e.OnBehalfOf}", e.StreamId,
            })),
            name: "events");
    }

    private static Command History(CliContext cli)
    {
        var document = new Argument<string>("DOCUMENT_ID") { Description = "The document" };
        var command = ListCommand.Create<GetDocumentHistoryResponse>(cli,
            "A document's history in log order, its own changes and its routes' steps: when, who (\"X for Y\" when a substitute acted), what",
            [], (run, parse, page, ct) => run.Server.Audit.GetDocumentHistoryAsync(new GetDocumentHistoryRequest
            {
                DocumentId = parse.GetValue(document) ?? "", PageSize = page.Size, PageToken = page.Token,
            }, cancellationToken: ct).ResponseAsync,
            (reply, output) => output.Table(["sequence", "time", "who", "what"], reply.Entries.Select(e => new[]
            {
                Number(e.Sequence), Time(e.RecordTime), Who(e.ActorId, e.OnBehalfOf), e.Summary,
            })),
            name: "history");
        command.Add(document);
        return command;
    }

    private static Command Sla(CliContext cli)
    {
        var agency = new Option<string>("--agency") { Description = "The agency (default: your own)" };
        var to = DateOption("--to", "Last day of the period, YYYY-MM-DD (default: today in Almaty)");
        var from = DateOption("--from", "First day of the period, YYYY-MM-DD (default: the first of --to's month)");
        var command = new Command("sla",
            "Deadline figures of the tasks assigned in a period, per org unit and per employee: on-time %, overdue, average handling days")
        {
            agency, from, to,
        };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var end = parse.GetValue(to) is { } toText ? ParseDay(toText) : WorkingCalendar.Kazakhstan.ToAlmatyDate(cli.Environment.Clock.GetUtcNow());
            // A month is the usual reporting period: by default the month so far.
            var start = parse.GetValue(from) is { } fromText ? ParseDay(fromText) : new DateOnly(end.Year, end.Month, 1);
            if (start > end) throw new UsageError($"--from {Day(start)} is after --to {Day(end)}");
            var report = await run.Server.Audit.GetSlaReportAsync(new GetSlaReportRequest
            {
                AgencyId = parse.GetValue(agency) ?? "", StartDate = Day(start), EndDate = Day(end),
            }, cancellationToken: ct);
            run.Output.Write(report, () =>
            {
                run.Output.Line($"SLA of {report.AgencyId}: tasks assigned {report.StartDate}..{report.EndDate}, overdue as of {report.AsOfDate}");
                run.Output.Line("");
                run.Output.Table(["unit", .. SlaHeaders], report.Units
                    .Select(u => (IReadOnlyList<string>)[Named(u.OrgUnitId), .. SlaCells(u.Figures)])
                    .Append([AgencyTotal, .. SlaCells(report.Totals)]));
                run.Output.Line("");
                run.Output.Table(["employee", "unit", .. SlaHeaders], report.Employees
                    .Select(e => (IReadOnlyList<string>)[e.EmployeeId, Named(e.OrgUnitId), .. SlaCells(e.Figures)]));
            });
        });
        return command;
    }

    private static string[] SlaCells(EDoc.Contracts.V1.SlaFigures f) =>
    [
        Number(f.TasksTotal), Number(f.Completed), f.HasOnTimePercent ? Decimal(f.OnTimePercent) : "-", Number(f.CompletedLate),
        Number(f.Open), Number(f.OpenOverdue), f.HasAverageHandlingWorkingDays ? Decimal(f.AverageHandlingWorkingDays) : "-",
    ];

    private static string Named(string orgUnitId) => orgUnitId.Length == 0 ? "(none)" : orgUnitId;

    private static string Who(string actorId, string onBehalfOf) => onBehalfOf.Length == 0 ? actorId : $"{actorId} for {onBehalfOf}";

    private static Option<string> DateOption(string name, string description)
    {
        var option = new Option<string>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } text && !TryParseDay(text, out _))
                result.AddError($"{name} must be a date as YYYY-MM-DD, not '{text}'");
        });
        return option;
    }

    private static bool TryParseDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static DateOnly ParseDay(string text) => TryParseDay(text, out var day) ? day : throw new UsageError($"'{text}' is not a date as YYYY-MM-DD");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Decimal(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static Command Export(CliContext cli)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the export (JSON Lines)" };
        var from = SequenceOption("--from", "First sequence to export (default: 1)");
        var to = SequenceOption("--to", "Last sequence to export (default: the tree size of the latest checkpoint)");
        var command = new Command("export", "Export the log with its latest signed checkpoint, for 'edoc audit verify' (admin or system auditor)")
        {
            file, from, to,
        };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var audit = run.Server.Audit;
            // The checkpoint first, and the export stops at its tree size: the entries and their checkpoint always match.
            var checkpoint = await audit.GetCheckpointAsync(new GetCheckpointRequest(), cancellationToken: ct);
            var (first, last) = (parse.GetValue(from) ?? 1, parse.GetValue(to) ?? checkpoint.TreeSize);
            if (last > checkpoint.TreeSize)
                throw new CliFailure($"--to {last} is beyond the latest checkpoint, signed at size {checkpoint.TreeSize}");
            if (first > last) throw new UsageError($"--from {first} is after --to {last}");
            var header = new LogExportHeader(checkpoint, first, last,
                first == 1 ? null : await audit.GetInclusionProofAsync(
                    new GetInclusionProofRequest { Sequence = first - 1, TreeSize = first - 1 }, cancellationToken: ct),
                last == checkpoint.TreeSize ? null : await audit.GetConsistencyProofAsync(
                    new GetConsistencyProofRequest { FirstTreeSize = last, SecondTreeSize = checkpoint.TreeSize }, cancellationToken: ct));
            var target = parse.GetValue(file)!;
            var count = await TextFiles.ReplaceAsync(target, "the export", async writer =>
            {
                using var call = audit.ExportLog(new ExportLogRequest { FromSequence = first, ToSequence = last }, cancellationToken: ct);
                await writer.WriteLineAsync(LogExport.HeaderLine(header));
                var written = 0L;
                await foreach (var e in call.ResponseStream.ReadAllAsync(ct))
                {
                    await writer.WriteLineAsync(LogExport.EventLine(e));
                    written++;
                }
                return written;
            });
            if (count != last - first + 1)
                run.Output.Warning($"the server sent {count} events for sequences {first}..{last}: 'edoc audit verify' names the first missing one");
            run.Output.Write(Summary(("file", target.FullName), ("fromSequence", first), ("toSequence", last), ("events", count),
                    ("checkpointTreeSize", checkpoint.TreeSize)),
                () => run.Output.Line($"Exported {count} events ({first}..{last}) with the checkpoint signed at size {checkpoint.TreeSize} " +
                                      $"to {target.FullName}."));
        });
        return command;
    }

    private static Command Verify(CliContext cli)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "An export written by 'edoc audit export'" };
        var note = new Option<FileInfo>("--checkpoint")
        {
            Description = "A signed checkpoint saved earlier ('edoc audit checkpoint --out'), to hold the export to as well",
        };
        var logKey = LogKey.Option();
        var command = new Command("verify",
            "Check an export offline: every leaf hash, the tree rebuilt from them and its signed checkpoints; names the first bad entry")
        {
            file, note, logKey,
        };
        cli.SetOfflineAction(command, (output, parse, _) =>
        {
            var (header, lines) = LogExport.Open(parse.GetValue(file)!.FullName);
            var key = LogKey.Choose(parse.GetValue(logKey), header.Checkpoint.LogPublicKey, output, "the export itself");
            OutsideCheckpoint[] outside = parse.GetValue(note) is { } saved ? [new(saved.FullName, TextFiles.Read(saved, "the checkpoint"))] : [];
            var check = ExportVerifier.Verify(header, lines, key, outside);
            output.Write(check.ToReply(header.Checkpoint), () => output.Line(check.Problem switch
            {
                null => $"OK: {check.Checked} entries{Range(header)}, root {Hex(check.Root)}, matches {Checkpoints(check.MatchedSizes)}",
                { Sequence: 0 } problem => $"TAMPERED: {problem.Description}",
                var problem => $"TAMPERED: first bad entry #{problem.Sequence}: {problem.Description}",
            }));
            return Task.FromResult(check.Problem is null ? ExitCodes.Ok : ExitCodes.Failure);
        });
        return command;
    }

    private static Command Prove(CliContext cli)
    {
        var sequence = new Option<long>("--event") { Description = "The event's sequence number", Required = true };
        var treeSize = new Option<long>("--tree-size") { Description = "The tree to prove it in (default: the latest checkpoint's)" };
        var logKey = LogKey.Option();
        var command = new Command("prove", "Fetch an event's inclusion proof and check it against a signed checkpoint")
        {
            sequence, treeSize, logKey,
        };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var audit = run.Server.Audit;
            var proof = await audit.GetInclusionProofAsync(
                new GetInclusionProofRequest { Sequence = parse.GetValue(sequence), TreeSize = parse.GetValue(treeSize) }, cancellationToken: ct);
            // A proof for a tree without a checkpoint of its own is held to the latest one through a consistency proof.
            var checkpoint = proof.Checkpoint ?? await audit.GetCheckpointAsync(new GetCheckpointRequest(), cancellationToken: ct);
            var key = LogKey.Choose(parse.GetValue(logKey), checkpoint.LogPublicKey, run.Output, "the server itself");
            var (root, attestation, problem) = await RootOfAsync(audit, proof.TreeSize, checkpoint, key, ct);
            if (problem is null && (proof.Sequence != parse.GetValue(sequence) || !MerkleProofs.VerifyInclusion(proof.LeafHash.ToByteArray(),
                    proof.Sequence - 1, proof.TreeSize, proof.AuditPath.Select(h => h.ToByteArray()).ToList(), root)))
                problem = $"the audit path of event {parse.GetValue(sequence)} does not lead to the root of the tree of size {proof.TreeSize}";
            run.Output.Write(Summary(("valid", problem is null), ("sequence", proof.Sequence), ("treeSize", proof.TreeSize),
                    ("leafHash", Hex(proof.LeafHash.ToByteArray())), ("rootHash", Hex(root)), ("checkpointTreeSize", checkpoint.TreeSize),
                    ("problem", problem ?? "")),
                () => run.Output.Line(problem is null
                    ? $"OK: event {proof.Sequence} (leaf hash {Hex(proof.LeafHash.ToByteArray())}) is in the tree of size {proof.TreeSize} " +
                      $"with root {Hex(root)}, {attestation}"
                    : $"FAILED: {problem}"));
            return problem is null ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>The root of the tree of <paramref name="size"/> as the signed checkpoint vouches for it, and how; or why it does not.</summary>
    private static async Task<(byte[] Root, string Attestation, string? Problem)> RootOfAsync(AuditService.AuditServiceClient audit, long size,
        Checkpoint checkpoint, byte[] key, CancellationToken ct)
    {
        var (head, problem) = LogKey.SignedHead(checkpoint, key);
        if (head is null) return ([], "", problem);
        var signed = $"signed at size {head.TreeSize} on {head.Time.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}";
        if (head.TreeSize == size) return (head.RootHash, "the checkpoint " + signed, null);
        var consistency = await audit.GetConsistencyProofAsync(
            new GetConsistencyProofRequest { FirstTreeSize = size, SecondTreeSize = head.TreeSize }, cancellationToken: ct);
        var root = consistency.FirstRootHash.ToByteArray();
        return MerkleProofs.VerifyConsistency(size, head.TreeSize, root, head.RootHash, consistency.Proof.Select(p => p.ToByteArray()).ToList())
            ? (root, "which the checkpoint " + signed + " extends (consistency proof checked)", null)
            : (root, "", $"the tree of size {size} is not consistent with the checkpoint {signed}");
    }

    private static Command LogKeyCommand(CliContext cli)
    {
        var file = new Option<FileInfo>("--out") { Description = "Save the key to this file, for --log-key (default: print it)" };
        var command = new Command("log-key", "Show the log's public key, which signs every checkpoint; save it once and verify with it")
        {
            file,
        };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var checkpoint = await run.Server.Audit.GetCheckpointAsync(new GetCheckpointRequest(), cancellationToken: ct);
            var key = checkpoint.LogPublicKey.ToByteArray();
            var target = parse.GetValue(file);
            if (target is not null) LogKey.Write(target, key);
            run.Output.Write(Summary(("logPublicKey", LogKey.Text(key)), ("logKeyName", checkpoint.LogKeyName), ("keyId", LogKey.Id(key))),
                () => run.Output.Line(target is null
                    ? LogKey.Text(key)
                    : $"Saved the log key of {checkpoint.LogKeyName} (key id {LogKey.Id(key)}) to {target.FullName}."));
        });
        return command;
    }

    private static Command CheckpointCommand(CliContext cli)
    {
        var treeSize = new Option<long>("--tree-size") { Description = "The checkpoint of exactly this tree size (default: the latest)" };
        var file = new Option<FileInfo>("--out") { Description = "Save the signed note to this file, for 'edoc audit verify --checkpoint'" };
        var command = new Command("checkpoint", "Show a signed checkpoint of the log as its signed note") { treeSize, file };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var checkpoint = await run.Server.Audit.GetCheckpointAsync(
                new GetCheckpointRequest { TreeSize = parse.GetValue(treeSize) }, cancellationToken: ct);
            var target = parse.GetValue(file);
            if (target is not null) TextFiles.Write(target, checkpoint.SignedNote, "the checkpoint");
            run.Output.Write(checkpoint, () =>
            {
                if (target is null) run.Output.Line(checkpoint.SignedNote.TrimEnd('\n'));
                else run.Output.Line($"Saved the checkpoint signed at size {checkpoint.TreeSize} to {target.FullName}.");
            });
        });
        return command;
    }

    private static Option<long?> SequenceOption(string name, string description)
    {
        var option = new Option<long?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long?>() < 1) result.AddError($"{name} must be at least 1");
        });
        return option;
    }

    private static string Range(LogExportHeader header) =>
        header.FromSequence == 1 && header.ToSequence == header.Checkpoint.TreeSize ? "" : $" ({header.FromSequence}..{header.ToSequence})";

    private static string Checkpoints(IReadOnlyList<long> sizes) => sizes.Count == 1
        ? $"the checkpoint signed at size {sizes[0]}"
        : $"the checkpoints signed at sizes {string.Join(", ", sizes.Select(Number))}";

    private static Struct Summary(params (string Name, object Value)[] fields)
    {
        var summary = new Struct();
        foreach (var (name, value) in fields)
            summary.Fields[name] = value switch
            {
                bool flag => Value.ForBool(flag),
                long number => Value.ForNumber(number),
                _ => Value.ForString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
            };
        return summary;
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(Timestamp? time) => time?.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture) ?? "";
}
