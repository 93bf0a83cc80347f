using EDoc.Cli.Tests.Infrastructure;
using EDoc.Contracts.V1;
using EDoc.Domain.Audit;
using Google.Protobuf;

namespace EDoc.Cli.Tests.Audit;

/// <summary>
/// audit export and the offline audit verify on the demo directory: an honest export verifies against its signed
/// checkpoint with the saved log key, and every edit of the file is named by its first bad entry.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class AuditExportTests(DemoServerFixture demo) : IDisposable
{
    private readonly TestServer _server = demo.Server;
    private readonly AuditFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Export_writes_the_checkpoint_then_every_event_up_to_its_tree_size()
    {
        var admin = await _server.SignedInAdminAsync();

        var run = await admin.ExportAsync(_files.Export);

        var export = _files.Load();
        var size = export.Checkpoint.TreeSize;
        Assert.Equal("edoc-log-export/1", (string?)export.Header["format"]);
        Assert.NotEmpty(export.Checkpoint.SignedNote);
        Assert.Equal(Enumerable.Range(1, (int)size).Select(i => (long)i), export.Events.Select(e => e.Sequence));
        Assert.All(export.Events, e => Assert.Equal(MerkleHash.Size, e.LeafHash.Length));
        Assert.Contains($"Exported {size} events (1..{size}) with the checkpoint signed at size {size}", run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task An_honest_export_verifies_with_the_saved_log_key_against_its_checkpoint()
    {
        var admin = await _server.SignedInAdminAsync();
        await _files.SaveKeyAndExportAsync(admin);

        var verify = await _files.VerifyAsync(admin);

        var checkpoint = _files.Load().Checkpoint;
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Equal($"OK: {checkpoint.TreeSize} entries, root {Convert.ToHexStringLower(checkpoint.RootHash.Span)}, " +
                     $"matches the checkpoint signed at size {checkpoint.TreeSize}\n", verify.Stdout);
        Assert.Empty(verify.Stderr);
    }

    [Fact]
    public async Task Verify_without_a_saved_log_key_warns_that_the_key_was_not_independently_checked()
    {
        var admin = await _server.SignedInAdminAsync();
        await admin.ExportAsync(_files.Export);

        var verify = await admin.VerifyAsync(_files.Export);

        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith("OK: ", verify.Stdout);
        Assert.Contains("warning: the log key", verify.Stderr);
        Assert.Contains("not independently checked", verify.Stderr);
    }

    [Fact]
    public async Task Verify_needs_neither_a_session_nor_a_server()
    {
        var admin = await _server.SignedInAdminAsync();
        await _files.SaveKeyAndExportAsync(admin);
        var stranger = _server.NewUser();
        stranger.Variables["EDOC_SERVER"] = "http://127.0.0.1:1";

        var verify = await _files.VerifyAsync(stranger);

        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Fact]
    public async Task Verify_output_as_json_is_a_VerifyLog_reply()
    {
        var admin = await _server.SignedInAdminAsync();
        await _files.SaveKeyAndExportAsync(admin);
        var export = _files.Load();
        export.Events[4].ActorId = "intruder";
        export.Save();

        var verify = await _files.VerifyAsync(admin, "--output", "json");

        var reply = JsonParser.Default.Parse<VerifyLogResponse>(verify.Stdout);
        Assert.Equal(1, verify.ExitCode);
        Assert.Equal((false, 5L, 4L), (reply.Valid, reply.FirstBadSequence, reply.Checked));
        Assert.Contains("leaf hash", reply.Problem);
        Assert.Equal(export.Checkpoint, reply.Checkpoint);
    }

    /// <summary>Edits of an export file, each returning the sequence the verifier must name.</summary>
    public static TheoryData<string, Func<ExportFile, long>> FileEdits => new()
    {
        { "payload", export => Edit(export, 7, e => e.PayloadJson += " ") },
        { "record time", export => Edit(export, 9, e => e.RecordTime.Seconds++) },
        { "request id", export => Edit(export, 6, e => e.RequestId = Guid.NewGuid().ToString("D")) },
        { "leaf hash", export => Edit(export, 3, e => e.LeafHash = ByteString.CopyFrom(new byte[MerkleHash.Size])) },
        { "deleted line", export => { export.Events.RemoveAt(10); return 11; } },
        { "swapped lines", export => { (export.Events[4], export.Events[12]) = (export.Events[12], export.Events[4]); return 5; } },
        { "swapped contents", export => { SwapContents(export, 4, 12); return 5; } },
        { "duplicated line", export => { export.Events.Insert(8, export.Events[7]); return 9; } },
        { "truncated tail", export => { export.Events.RemoveRange(export.Events.Count - 3, 3); return export.Events.Count + 1; } },
        // The leaves agree with their hashes then: only the signed root shows it, so the whole tree since the last
        // good checkpoint is named, here from the start, as the export holds one checkpoint only.
        { "rewritten with its leaf hash", export =>
        {
            Edit(export, 12, e =>
            {
                e.PayloadJson += " ";
                e.LeafHash = ByteString.CopyFrom(LeafHashOf(e));
            });
            return 1;
        } },
    };

    [Theory]
    [MemberData(nameof(FileEdits))]
    public async Task Verify_names_the_first_bad_entry_of_an_edited_export(string edit, Func<ExportFile, long> apply)
    {
        var admin = await _server.SignedInAdminAsync();
        await _files.SaveKeyAndExportAsync(admin);
        var export = _files.Load();
        var firstBad = apply(export);
        export.Save();

        var verify = await _files.VerifyAsync(admin);

        verify.NamesFirstBad(firstBad, edit);
    }

    [Fact]
    public async Task Verify_names_a_line_that_is_not_an_event()
    {
        var admin = await _server.SignedInAdminAsync();
        await admin.ExportAsync(_files.Export);
        var lines = File.ReadAllLines(_files.Export).ToList();
        lines[6] = """{"sequence":"6","unknownField":1}""";
        File.WriteAllLines(_files.Export, lines);

        var verify = await admin.VerifyAsync(_files.Export);

        verify.NamesFirstBad(6);
        Assert.Contains("line 7 of the export is not a log event", verify.Stdout);
    }

    [Fact]
    public async Task An_edited_entry_before_a_line_that_is_not_an_event_is_named_first()
    {
        var admin = await _server.SignedInAdminAsync();
        await _files.SaveKeyAndExportAsync(admin);
        var export = _files.Load();
        Edit(export, 3, e => e.PayloadJson += " ");
        export.Save();
        var lines = File.ReadAllLines(_files.Export).ToList();
        lines[6] = """{"sequence":"6","unknownField":1}""";
        File.WriteAllLines(_files.Export, lines);

        var verify = await _files.VerifyAsync(admin);

        verify.NamesFirstBad(3, "payload");
        Assert.DoesNotContain("line 7", verify.Stdout);
    }

    [Fact]
    public async Task Verify_with_another_log_key_says_the_checkpoint_is_not_signed_by_it()
    {
        var admin = await _server.SignedInAdminAsync();
        await admin.ExportAsync(_files.Export);

        var verify = await admin.VerifyAsync(_files.Export, "--log-key", AuditRuns.WriteOtherKey(_files.Named("other.key")));

        Assert.Equal(1, verify.ExitCode);
        Assert.Matches(@"^TAMPERED: the export's checkpoint: the checkpoint of size \d+ is not signed by the log key [0-9a-f]{8}\n$", verify.Stdout);
    }

    [Fact]
    public async Task Verify_notices_a_header_whose_root_differs_from_its_signed_note()
    {
        var admin = await _server.SignedInAdminAsync();
        await _files.SaveKeyAndExportAsync(admin);
        var export = _files.Load();
        var checkpoint = export.Checkpoint;
        checkpoint.RootHash = ByteString.CopyFrom(new byte[MerkleHash.Size]);
        export.Checkpoint = checkpoint;
        export.Save();

        var verify = await _files.VerifyAsync(admin);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("differ from its signed note", verify.Stdout);
    }

    [Fact]
    public async Task Verify_holds_the_export_to_a_checkpoint_saved_earlier_as_well()
    {
        var admin = await _server.SignedInAdminAsync();
        await admin.SaveLogKeyAsync(_files.Key);
        var saved = await admin.SucceedAsync("audit", "checkpoint", "--out", _files.Named("earlier.note"));
        await _server.SignedInAdminAsync();
        await admin.ExportAsync(_files.Export);

        var verify = await _files.VerifyAsync(admin, "--checkpoint", _files.Named("earlier.note"));

        var earlier = SignedCheckpoint.Verify(File.ReadAllText(_files.Named("earlier.note")), Key())!;
        var later = _files.Load().Checkpoint.TreeSize;
        Assert.Contains($"Saved the checkpoint signed at size {earlier.TreeSize}", saved.Stdout);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.EndsWith($"matches the checkpoints signed at sizes {earlier.TreeSize}, {later}\n", verify.Stdout);
    }

    [Fact]
    public async Task Verify_refuses_a_saved_checkpoint_not_signed_by_the_log_key()
    {
        var admin = await _server.SignedInAdminAsync();
        await admin.SaveLogKeyAsync(_files.Key);
        await admin.SucceedAsync("audit", "checkpoint", "--out", _files.Named("earlier.note"));
        await admin.ExportAsync(_files.Export);
        var note = File.ReadAllText(_files.Named("earlier.note"));
        File.WriteAllText(_files.Named("earlier.note"), note.Replace("\ntime ", "\ntime 1", StringComparison.Ordinal));

        var verify = await _files.VerifyAsync(admin, "--checkpoint", _files.Named("earlier.note"));

        Assert.Equal(1, verify.ExitCode);
        Assert.StartsWith($"TAMPERED: the checkpoint in {_files.Named("earlier.note")} is not signed by the log key", verify.Stdout);
    }

    [Fact]
    public async Task Verify_refuses_to_hold_an_export_to_a_checkpoint_signed_after_it()
    {
        var admin = await _server.SignedInAdminAsync();
        await _files.SaveKeyAndExportAsync(admin);
        await _server.SignedInAdminAsync();
        await admin.SucceedAsync("audit", "checkpoint", "--out", _files.Named("later.note"));

        var verify = await _files.VerifyAsync(admin, "--checkpoint", _files.Named("later.note"));

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("which this export", verify.Stderr);
        Assert.Contains("export that range again", verify.Stderr);
    }

    [Fact]
    public async Task Export_of_a_range_verifies_against_the_checkpoint_through_the_proofs_in_its_header()
    {
        var admin = await _server.SignedInAdminAsync();
        await _files.SaveKeyAndExportAsync(admin, "--from", "6", "--to", "20");

        var verify = await _files.VerifyAsync(admin);

        var export = _files.Load();
        Assert.Equal(Enumerable.Range(6, 15).Select(i => (long)i), export.Events.Select(e => e.Sequence));
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.StartsWith("OK: 15 entries (6..20), root ", verify.Stdout);
        Assert.EndsWith($"matches the checkpoint signed at size {export.Checkpoint.TreeSize}\n", verify.Stdout);
    }

    [Theory]
    [InlineData("startProof")]
    [InlineData("consistencyProof")]
    public async Task A_forged_proof_in_the_header_of_a_range_export_names_its_first_entry(string proof)
    {
        var admin = await _server.SignedInAdminAsync();
        await _files.SaveKeyAndExportAsync(admin, "--from", "6", "--to", "20");
        var export = _files.Load();
        var path = export.Header[proof]![proof == "startProof" ? "auditPath" : "proof"]!.AsArray();
        path[0] = Convert.ToBase64String(new byte[MerkleHash.Size]);
        export.Save();

        var verify = await _files.VerifyAsync(admin);

        verify.NamesFirstBad(6);
    }

    [Fact]
    public async Task An_edit_inside_a_range_export_is_named()
    {
        var admin = await _server.SignedInAdminAsync();
        await admin.ExportAsync(_files.Export, "--from", "6", "--to", "20");
        var export = _files.Load();
        Edit(export, 13, e => e.StreamVersion++);
        export.Save();

        var verify = await admin.VerifyAsync(_files.Export);

        verify.NamesFirstBad(13);
    }

    [Fact]
    public async Task System_auditor_exports_and_verifies_the_whole_log()
    {
        var auditor = await _server.SignedInAsync("mdai.auditor");

        await auditor.ExportAsync(_files.Export);
        var verify = await auditor.VerifyAsync(_files.Export);

        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public async Task Agency_auditor_cannot_export_and_no_file_is_left_behind()
    {
        var auditor = await _server.SignedInAsync("shym.auditor");

        var export = await auditor.RunAsync("audit", "export", _files.Export);

        Assert.Equal(1, export.ExitCode);
        Assert.StartsWith("error: PERMISSION_DENIED: ", export.Stderr);
        Assert.Contains("[MISSING_ROLE]", export.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_files.Directory));
    }

    [Fact]
    public async Task Export_beyond_the_latest_checkpoint_is_refused()
    {
        var admin = await _server.SignedInAdminAsync();

        var export = await admin.RunAsync("audit", "export", _files.Export, "--to", "1000000");

        Assert.Equal(1, export.ExitCode);
        Assert.Contains("--to 1000000 is beyond the latest checkpoint", export.Stderr);
    }

    [Theory]
    [InlineData("--from", "0")]
    [InlineData("--to", "-3")]
    public async Task Export_from_a_sequence_below_one_is_a_usage_error(string option, string value)
    {
        var admin = await _server.SignedInAdminAsync();

        var export = await admin.RunAsync("audit", "export", _files.Export, option, value);

        Assert.Equal(2, export.ExitCode);
        Assert.Contains($"{option} must be at least 1", export.Stderr);
    }

    [Fact]
    public async Task Export_into_a_missing_directory_fails_with_the_reason()
    {
        var admin = await _server.SignedInAdminAsync();

        var export = await admin.RunAsync("audit", "export", _files.Named("missing/log.jsonl"));

        Assert.Equal(1, export.ExitCode);
        Assert.StartsWith("error: cannot write the export: ", export.Stderr);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json\n")]
    [InlineData("""{"format":"something-else/1"}""")]
    public async Task Verify_of_a_file_that_is_not_an_export_says_so(string content)
    {
        File.WriteAllText(_files.Export, content);

        var verify = await _server.NewUser().VerifyAsync(_files.Export);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("is not an EDoc log export (edoc-log-export/1)", verify.Stderr);
    }

    [Fact]
    public async Task Verify_of_a_missing_file_fails_with_the_reason()
    {
        var verify = await _server.NewUser().VerifyAsync(_files.Named("nothing.jsonl"));

        Assert.Equal(1, verify.ExitCode);
        Assert.StartsWith("error: cannot read the export: ", verify.Stderr);
    }

    [Fact]
    public async Task Verify_with_a_log_key_file_that_holds_no_key_fails_with_the_reason()
    {
        var admin = await _server.SignedInAdminAsync();
        await admin.ExportAsync(_files.Export);
        File.WriteAllText(_files.Key, "not a key");

        var verify = await _files.VerifyAsync(admin);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("does not hold a log key", verify.Stderr);
    }

    [Fact]
    public async Task Log_key_prints_the_key_that_signs_the_checkpoints()
    {
        var admin = await _server.SignedInAdminAsync();

        var key = await admin.SucceedAsync("audit", "log-key");
        var saved = await admin.SaveLogKeyAsync(_files.Key);

        var checkpoint = JsonParser.Default.Parse<Checkpoint>((await admin.SucceedAsync("audit", "checkpoint", "--output", "json")).Stdout);
        Assert.Equal(Convert.ToBase64String(checkpoint.LogPublicKey.Span) + "\n", key.Stdout);
        Assert.Equal(key.Stdout, File.ReadAllText(_files.Key));
        Assert.Contains($"(key id {Convert.ToHexStringLower(SignedCheckpoint.KeyId(Key()))})", saved.Stdout);
        Assert.NotNull(SignedCheckpoint.Verify(checkpoint.SignedNote, Key()));
    }

    [Fact]
    public async Task Checkpoint_prints_the_signed_note()
    {
        var admin = await _server.SignedInAdminAsync();

        var note = await admin.SucceedAsync("audit", "checkpoint");

        Assert.StartsWith("edoc.kz/log\n", note.Stdout);
        Assert.Contains("\n\n\u2014 edoc.kz/log ", note.Stdout);
    }

    private byte[] Key() => Convert.FromBase64String(File.ReadAllText(_files.Key));

    /// <summary>Changes the event of <paramref name="sequence"/> in place; returns the sequence.</summary>
    private static long Edit(ExportFile export, long sequence, Action<LogEvent> change)
    {
        change(export.Events.Single(e => e.Sequence == sequence));
        return sequence;
    }

    /// <summary>Swaps two events' contents under their sequence numbers, as swapping the sequence column in the database does.</summary>
    private static void SwapContents(ExportFile export, int first, int second)
    {
        var (a, b) = (export.Events[first], export.Events[second]);
        (export.Events[first], export.Events[second]) = (b.Clone(), a.Clone());
        (export.Events[first].Sequence, export.Events[second].Sequence) = (a.Sequence, b.Sequence);
    }

    private static byte[] LeafHashOf(LogEvent e) => MerkleHash.Leaf(CanonicalEvent.Encode(e.Sequence, e.StreamId, e.StreamVersion, e.AgencyId,
        e.EventType, e.PayloadJson, e.ActorId, e.OnBehalfOf, e.RequestId.Length == 0 ? null : Guid.Parse(e.RequestId),
        e.RecordTime.Seconds * 1_000_000 + e.RecordTime.Nanos / 1000));
}
