using EDoc.Domain.Audit;
using FsCheck;
using FsCheck.Xunit;

namespace EDoc.Domain.Tests.Audit;

public sealed class LogVerifierTests
{
    private const long Size = 20;

    [Fact]
    public void A_clean_log_verifies_against_its_checkpoints()
    {
        var log = Log(Size);

        var verifier = Verify(log, Checkpoint(log, 7), Checkpoint(log, 16), Checkpoint(log, Size));

        Assert.Null(verifier.Finish());
        Assert.Equal(Size, verifier.Checked);
        Assert.Equal(Checkpoint(log, Size).RootHash, verifier.Root);
    }

    [Property(MaxTest = 50)]
    public bool An_edited_payload_is_named_by_its_sequence(PositiveInt size, NonNegativeInt index)
    {
        var log = Log(size.Get % 60 + 1);
        var i = index.Get % log.Count;
        log[i] = log[i] with { Payload = log[i].Payload.Replace("Division", "Divisi0n", StringComparison.Ordinal) };

        return Verify(log, Checkpoint(Log(log.Count), log.Count)).Finish()?.Sequence == i + 1;
    }

    [Fact]
    public void Any_edited_field_is_named_by_its_sequence()
    {
        var edits = new Func<LogEntry, LogEntry>[]
        {
            e => e with { StreamId = "org-unit-other" }, e => e with { StreamVersion = 2 }, e => e with { AgencyId = "almaty-akimat" },
            e => e with { EventType = "OrgUnitRenamed" }, e => e with { ActorId = "intruder" }, e => e with { OnBehalfOf = "shym-head" },
            e => e with { RequestId = Guid.NewGuid() }, e => e with { RecordedAtMicros = e.RecordedAtMicros + 1 },
        };

        Assert.All(edits, edit =>
        {
            var log = Log(Size);
            log[11] = edit(log[11]);
            Assert.Equal(12, Verify(log).Finish()?.Sequence);
        });
    }

    [Fact]
    public void A_missing_entry_is_named()
    {
        var log = Log(Size);
        log.RemoveAt(8);

        var problem = Verify(log, Checkpoint(Log(Size), Size)).Finish();

        Assert.Equal(9, problem?.Sequence);
        Assert.Contains("missing", problem?.Description);
    }

    [Fact]
    public void Two_swapped_entries_name_the_first_of_them()
    {
        var log = Log(Size);
        (log[4], log[13]) = (log[13], log[4]);

        Assert.Equal(5, Verify(log).Finish()?.Sequence);
    }

    [Fact]
    public void Two_entries_whose_sequence_numbers_were_swapped_name_the_first_of_them()
    {
        var log = Log(Size);
        (log[4], log[13]) = (log[13] with { Sequence = 5 }, log[4] with { Sequence = 14 });

        var problem = Verify(log).Finish();

        Assert.Equal(5, problem?.Sequence);
        Assert.Contains("leaf hash", problem?.Description);
    }

    [Fact]
    public void An_entry_given_twice_names_the_place_of_the_second()
    {
        var log = Log(Size);
        log.Insert(6, log[5]);

        Assert.Equal(7, Verify(log).Finish()?.Sequence);
    }

    [Fact]
    public void A_truncated_tail_is_named_by_a_later_checkpoint_at_the_size_after_the_last_entry()
    {
        var full = Log(Size);

        var problem = Verify(full.Take((int)Size - 5).ToList(), Checkpoint(full, 10), Checkpoint(full, Size)).Finish();

        Assert.Equal(Size - 5 + 1, problem?.Sequence);
        Assert.Contains("removed", problem?.Description);
    }

    [Fact]
    public void Without_a_later_checkpoint_a_truncated_tail_goes_unnoticed()
    {
        var full = Log(Size);

        Assert.Null(Verify(full.Take(15).ToList(), Checkpoint(full, 10)).Finish());
    }

    [Fact]
    public void An_entry_rewritten_with_its_leaf_hash_is_caught_by_the_next_checkpoint_from_the_last_good_one_on()
    {
        var log = Log(Size);
        var original = Log(Size);
        log[14] = Rehashed(log[14] with { Payload = """{"orgUnitId":"forged"}""" });

        var problem = Verify(log, Checkpoint(original, 4), Checkpoint(original, 11), Checkpoint(original, 18)).Finish();

        Assert.Equal(12, problem?.Sequence);
        Assert.Contains("12..18", problem?.Description);
    }

    [Fact]
    public void A_rewritten_entry_before_any_checkpoint_names_the_start_of_the_log()
    {
        var log = Log(Size);
        var original = Log(Size);
        log[2] = Rehashed(log[2] with { ActorId = "intruder" });

        Assert.Equal(1, Verify(log, Checkpoint(original, Size)).Finish()?.Sequence);
    }

    [Fact]
    public void A_checkpoint_that_disagrees_with_an_untouched_log_is_reported()
    {
        var log = Log(Size);
        var forged = new TreeHead(10, new byte[MerkleHash.Size], DateTimeOffset.UnixEpoch);

        Assert.Equal(1, Verify(log, forged).Finish()?.Sequence);
    }

    [Fact]
    public void A_verifier_that_resumes_from_a_stored_tree_checks_only_the_rest_and_names_absolute_sequences()
    {
        var log = Log(Size);
        var before = new MerkleFrontier(0, _ => []);
        foreach (var entry in log.Take(9)) before.Append(entry.LeafHash);
        log[12] = log[12] with { Payload = "{}" };

        var verifier = new LogVerifier(before, [Checkpoint(Log(Size), 5), Checkpoint(Log(Size), Size)]);
        foreach (var entry in log.Skip(9)) verifier.Add(entry);

        Assert.Equal(13, verifier.Finish()?.Sequence);
        Assert.Equal(3, verifier.Checked);
    }

    [Fact]
    public void Entries_after_the_first_problem_are_ignored()
    {
        var log = Log(Size);
        log[3] = log[3] with { Payload = "{}" };
        log[9] = log[9] with { Payload = "{}" };

        var verifier = Verify(log);

        Assert.Equal(4, verifier.Problem?.Sequence);
        Assert.Equal(3, verifier.Checked);
    }

    /// <summary>Ways to tamper with a log of <see cref="LargeSize"/> entries, by name, each well inside a hashing batch.</summary>
    public static TheoryData<string> Tampering => ["none", "edited", "deleted", "swapped", "duplicated", "truncated", "rewritten"];

    private const int LargeSize = 3000;

    [Theory]
    [MemberData(nameof(Tampering))]
    public void Checking_in_chunks_on_every_core_finds_what_checking_one_by_one_finds(string tampering)
    {
        var original = Log(LargeSize);
        var log = Tampered(Log(LargeSize), tampering);
        TreeHead[] checkpoints = [Checkpoint(original, 700), Checkpoint(original, 1500), Checkpoint(original, LargeSize)];

        var oneByOne = Verify(log, checkpoints);
        oneByOne.Finish();
        var chunked = new LogVerifier(new MerkleFrontier(0, _ => []), checkpoints);
        foreach (var chunk in log.Chunk(1000)) chunked.AddRange(chunk);
        chunked.Finish();

        Assert.Equal(tampering == "none", oneByOne.Problem is null);
        Assert.Equal(oneByOne.Problem, chunked.Problem);
        Assert.Equal(oneByOne.Checked, chunked.Checked);
        Assert.Equal(oneByOne.Root, chunked.Root);
    }

    private static List<LogEntry> Tampered(List<LogEntry> log, string tampering)
    {
        switch (tampering)
        {
            case "edited": log[1776] = log[1776] with { Payload = "{}" }; break;
            case "deleted": log.RemoveAt(1776); break;
            case "swapped": (log[1776], log[1901]) = (log[1901], log[1776]); break;
            case "duplicated": log.Insert(1777, log[1776]); break;
            case "truncated": log.RemoveRange(2800, LargeSize - 2800); break;
            case "rewritten": log[1776] = Rehashed(log[1776] with { ActorId = "intruder" }); break;
        }
        return log;
    }

    /// <summary>A log of org units created one after another, each entry with the leaf hash the write path gives it.</summary>
    private static List<LogEntry> Log(long size) => Enumerable.Range(1, (int)size).Select(i => Rehashed(new LogEntry(
        i, $"org-unit-ou-{i:D4}", 1, "shymkent-akimat", "OrgUnitCreated", $$"""{"orgUnitId":"ou-{{i:D4}}","name":"Division {{i}}"}""",
        "shym-admin", null, i % 3 == 0 ? null : new Guid(i, 0, 0, new byte[8]), 1_767_225_600_000_000 + i * 1_000, [])))
        .ToList();

    private static LogEntry Rehashed(LogEntry entry) => entry with { LeafHash = entry.ComputeLeafHash() };

    /// <summary>The honest tree head of the first <paramref name="size"/> entries.</summary>
    private static TreeHead Checkpoint(IReadOnlyList<LogEntry> log, long size)
    {
        var tree = new MerkleFrontier(0, _ => []);
        foreach (var entry in log.Take((int)size)) tree.Append(entry.ComputeLeafHash());
        return new TreeHead(size, tree.Root, DateTimeOffset.UnixEpoch);
    }

    private static LogVerifier Verify(IEnumerable<LogEntry> log, params TreeHead[] checkpoints)
    {
        var verifier = new LogVerifier(new MerkleFrontier(0, _ => []), checkpoints);
        foreach (var entry in log) verifier.Add(entry);
        return verifier;
    }
}
