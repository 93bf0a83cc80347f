using EDoc.Server.Tests.Keys;
using TaskStatus = EDoc.Contracts.V1.TaskStatus;

namespace EDoc.Server.Tests.Workflow;

/// <summary>
/// SIGN answers carry a CMS detached signature over the document's current content digest; each way it can be wrong
/// gets its own code and reason, and nothing is recorded.
/// </summary>
public abstract class SignatureTests(ServerFixture fixture) : WorkflowTest(fixture)
{
    [Fact]
    public async Task A_valid_signature_by_the_assignee_signs_the_task()
    {
        var (task, sha) = await SignTaskAsync();
        using var signer = await TestSigner.EnrollAsync(await KeysAs(Head));

        var signed = await (await WorkflowAs(Head)).CompleteTaskAsync(Signed(task, signer.Sign(sha)));

        Assert.Equal((TaskStatus.Done, TaskOutcome.Signed, "shym-head"), (signed.Status, signed.Outcome, signed.ActedBy));
    }

    [Fact]
    public Task A_key_certified_by_another_agency_is_untrusted() =>
        RefusedAsync(StatusCode.InvalidArgument, "UNTRUSTED_CERTIFICATE", keyHolder: "alm.executor", caller: Head);

    [Fact]
    public Task A_colleagues_key_is_the_wrong_signer() =>
        RefusedAsync(StatusCode.InvalidArgument, "WRONG_SIGNER", keyHolder: Executor2, caller: Head);

    [Fact]
    public async Task A_revoked_key_is_refused()
    {
        var (task, sha) = await SignTaskAsync();
        var keys = await KeysAs(Head);
        using var signer = await TestSigner.EnrollAsync(keys);
        await keys.RevokeKeyAsync(new RevokeKeyRequest { RequestId = TestData.RequestId(), Serial = signer.Enrolled.Serial, Reason = "Жоғалды" });
        var workflow = await WorkflowAs(Head);

        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "CERTIFICATE_REVOKED",
            () => workflow.CompleteTaskAsync(Signed(task, signer.Sign(sha))).ResponseAsync);
    }

    [Fact]
    public async Task Content_changed_after_signing_makes_the_signature_mismatch()
    {
        var (task, sha) = await SignTaskAsync();
        using var signer = await TestSigner.EnrollAsync(await KeysAs(Head));
        var signature = signer.Sign(sha);
        await AddContentAsync(task.DocumentId, "tampered " + task.DocumentId);
        var workflow = await WorkflowAs(Head);

        await RejectedWithoutChangeAsync(StatusCode.InvalidArgument, "SIGNATURE_MISMATCH",
            () => workflow.CompleteTaskAsync(Signed(task, signature)).ResponseAsync);
    }

    [Fact]
    public Task Someone_other_than_the_assignee_cannot_sign_even_with_a_valid_key() =>
        RefusedAsync(StatusCode.PermissionDenied, "NOT_ASSIGNEE", keyHolder: Executor2, caller: Executor2);

    [Fact]
    public async Task A_missing_or_garbled_signature_is_malformed()
    {
        var (task, _) = await SignTaskAsync();
        // With the agency CA in place the signature itself is what is judged (without one nothing could be trusted).
        using var signer = await TestSigner.EnrollAsync(await KeysAs(Head));
        var workflow = await WorkflowAs(Head);

        await RejectedWithoutChangeAsync(StatusCode.InvalidArgument, "MALFORMED_SIGNATURE",
            () => workflow.CompleteTaskAsync(Signed(task, Google.Protobuf.ByteString.Empty)).ResponseAsync);
        await RejectedWithoutChangeAsync(StatusCode.InvalidArgument, "MALFORMED_SIGNATURE",
            () => workflow.CompleteTaskAsync(Signed(task, Bytes([0x30, 0x03, 0x02, 0x01, 0x01]))).ResponseAsync);
    }

    /// <summary>shym.head's signing task, answered by <paramref name="caller"/> with a valid signature by <paramref name="keyHolder"/>'s key.</summary>
    private async Task RefusedAsync(StatusCode code, string reason, string keyHolder, string caller)
    {
        var (task, sha) = await SignTaskAsync();
        using var signer = await TestSigner.EnrollAsync(await KeysAs(keyHolder));
        var workflow = await WorkflowAs(caller);

        await RejectedWithoutChangeAsync(code, reason, () => workflow.CompleteTaskAsync(Signed(task, signer.Sign(sha))).ResponseAsync);
    }

    /// <summary>A route whose open task asks shym.head to sign a new document; and the document's content digest.</summary>
    private async Task<(RouteTask Task, string Sha256)> SignTaskAsync()
    {
        var (documentId, sha) = await NewDocumentAsync();
        var route = await StartOnAsync(documentId, StageOf(StageMode.Sequential, TaskAction.Sign, "shym-head"));
        return (route.Tasks[0], sha);
    }

    private static CompleteTaskRequest Signed(RouteTask task, Google.Protobuf.ByteString signature)
    {
        var request = Answer(task, TaskOutcome.Signed);
        request.Signature = signature;
        return request;
    }
}

public sealed class SignatureTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : SignatureTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class SignatureTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : SignatureTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
