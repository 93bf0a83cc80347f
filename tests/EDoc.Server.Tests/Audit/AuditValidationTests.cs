namespace EDoc.Server.Tests.Audit;

/// <summary>Bad input to AuditService is INVALID_ARGUMENT with a BadRequest violation naming the field.</summary>
public abstract class AuditValidationTests(ServerFixture fixture) : AuditTest(fixture)
{
    [Fact]
    public async Task Inclusion_proof_of_sequence_zero_is_invalid()
    {
        var audit = await AuditAs(Admin);

        await RpcAssert.FailsOnFieldAsync("sequence", "INVALID_ARGUMENT",
            () => audit.GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = 0 }).ResponseAsync);
    }

    [Fact]
    public async Task Inclusion_proof_of_a_sequence_beyond_the_tree_is_invalid()
    {
        var audit = await AuditAs(Admin);
        var size = (await audit.GetCheckpointAsync(new GetCheckpointRequest())).TreeSize;

        await RpcAssert.FailsOnFieldAsync("sequence", "INVALID_ARGUMENT",
            () => audit.GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = size + 1, TreeSize = size }).ResponseAsync);
    }

    [Fact]
    public async Task Inclusion_proof_in_a_negative_tree_size_is_invalid()
    {
        var audit = await AuditAs(Admin);

        await RpcAssert.FailsOnFieldAsync("tree_size", "INVALID_ARGUMENT",
            () => audit.GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = 1, TreeSize = -1 }).ResponseAsync);
    }

    [Fact]
    public async Task Inclusion_proof_in_a_tree_larger_than_the_log_is_invalid()
    {
        var audit = await AuditAs(Admin);
        var size = await Store.Log.CountAsync(default);

        await RpcAssert.FailsOnFieldAsync("tree_size", "INVALID_ARGUMENT",
            () => audit.GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = 1, TreeSize = size + 100 }).ResponseAsync);
    }

    [Fact]
    public async Task Checkpoint_of_a_negative_tree_size_is_invalid()
    {
        var audit = await AuditAs(Admin);

        await RpcAssert.FailsOnFieldAsync("tree_size", "INVALID_ARGUMENT",
            () => audit.GetCheckpointAsync(new GetCheckpointRequest { TreeSize = -1 }).ResponseAsync);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    [InlineData(5, 4)]
    public async Task Consistency_proof_needs_a_first_tree_between_one_and_the_second(long first, long second)
    {
        var audit = await AuditAs(Admin);

        await RpcAssert.FailsOnFieldAsync("first_tree_size", "INVALID_ARGUMENT", () => audit.GetConsistencyProofAsync(
            new GetConsistencyProofRequest { FirstTreeSize = first, SecondTreeSize = second }).ResponseAsync);
    }

    [Fact]
    public async Task Consistency_proof_to_a_negative_tree_size_is_invalid()
    {
        var audit = await AuditAs(Admin);

        await RpcAssert.FailsOnFieldAsync("second_tree_size", "INVALID_ARGUMENT", () => audit.GetConsistencyProofAsync(
            new GetConsistencyProofRequest { FirstTreeSize = 1, SecondTreeSize = -1 }).ResponseAsync);
    }

    [Fact]
    public async Task Negative_page_size_is_invalid()
    {
        var audit = await AuditAs(Admin);

        await RpcAssert.FailsOnFieldAsync("page_size", "INVALID_PAGE_SIZE",
            () => audit.ListEventsAsync(new ListEventsRequest { PageSize = -1 }).ResponseAsync);
    }

    [Fact]
    public async Task Watching_from_a_negative_sequence_is_invalid()
    {
        var audit = await AuditAs(Admin);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var watch = audit.WatchEvents(new WatchEventsRequest { AfterSequence = -1 }, cancellationToken: timeout.Token);

        await RpcAssert.FailsOnFieldAsync("after_sequence", "INVALID_ARGUMENT", () => watch.ResponseStream.MoveNext(timeout.Token));
    }

    [Theory]
    [InlineData(-1, 0, "from_sequence")]
    [InlineData(0, -1, "to_sequence")]
    [InlineData(5, 4, "from_sequence")]
    public async Task VerifyLog_of_a_bad_range_is_invalid(long from, long to, string field)
    {
        var audit = await AuditAs(Admin);

        await RpcAssert.FailsOnFieldAsync(field, "INVALID_ARGUMENT",
            () => audit.VerifyLogAsync(new VerifyLogRequest { FromSequence = from, ToSequence = to }).ResponseAsync);
    }

    [Fact]
    public async Task Export_of_a_bad_range_is_invalid()
    {
        var audit = await AuditAs(Admin);

        using var export = audit.ExportLog(new ExportLogRequest { FromSequence = 5, ToSequence = 4 });

        await RpcAssert.FailsOnFieldAsync("from_sequence", "INVALID_ARGUMENT", () => export.ResponseStream.MoveNext());
    }
}

public sealed class AuditValidationTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : AuditValidationTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class AuditValidationTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : AuditValidationTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
