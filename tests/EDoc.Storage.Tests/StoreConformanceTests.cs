using System.Security.Cryptography;
using EDoc.Domain.Access;
using EDoc.Domain.Audit;
using EDoc.Domain.Calendar;
using EDoc.Domain.Certificates;
using EDoc.Domain.Directory;
using EDoc.Domain.Documents;
using EDoc.Domain.Events;
using EDoc.Domain.Workflow;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;

namespace EDoc.Storage.Tests;

/// <summary>
/// The one conformance suite every store must pass; each provider runs it unchanged through a subclass that
/// only says how to open a fresh, empty store.
/// </summary>
public abstract class StoreConformanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = Micros.Truncate(new DateTimeOffset(2026, 3, 20, 9, 30, 0, TimeSpan.FromHours(5)));

    protected IEDocStore Store { get; private set; } = null!;

    /// <summary>Where a fresh, empty database is (a file path or a connection string).</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>A store on the database; a second one on the same database plays a second server process.</summary>
    protected abstract IEDocStore Open(string database);

    private string _database = "";

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        Store = Open(_database);
        await Store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await Store.MigrateAsync(CancellationToken.None);
        Assert.Equal(0, await Store.Log.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_commit_appends_events_and_updates_the_read_model_together()
    {
        var outcome = await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);

        var committed = Assert.IsType<CommitOutcome.Committed>(outcome);
        Assert.Equal(committed.FirstSequence, committed.LastSequence);
        var agency = await Store.Directory.GetAgencyAsync("akimat-one", default);
        Assert.NotNull(agency);
        Assert.Equal("Шымкент", agency.Name.Kk);
        Assert.Equal(1, agency.Version);
        Assert.Equal(Now, agency.CreatedAt);
        var recorded = Assert.Single(await Store.Log.ReadAsync(1, 10, default));
        Assert.Equal(committed.FirstSequence, recorded.Sequence);
        Assert.Equal("AgencyCreated", recorded.EventType);
        Assert.Equal("agency-akimat-one", recorded.StreamId);
        Assert.Equal("akimat-one", recorded.AgencyId);
        Assert.Equal("990340000014", Assert.IsType<AgencyCreated>(recorded.Event).Bin);
    }

    [Fact]
    public async Task Each_event_is_stored_with_its_rfc9162_leaf_hash()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);
        await Store.CommitAsync(CreateAgency("akimat-two", "050140000011"), default);

        foreach (var e in await Store.Log.ReadAsync(1, 10, default))
        {
            var canonical = CanonicalEvent.Encode(e.Sequence, e.StreamId, e.StreamVersion, e.AgencyId, e.EventType, e.Payload,
                e.ActorId, e.OnBehalfOf, e.RequestId, Micros.From(e.RecordedAt));
            Assert.Equal(SHA256.HashData([0x00, .. canonical]), e.LeafHash);
        }
    }

    [Fact]
    public async Task Events_read_as_their_stored_bytes_hash_to_the_leaf_hashes_they_were_written_with()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014", Guid.NewGuid()), default);
        // No agency, a substitute, Kazakh letters in every text field: the stored UTF-8 must be exactly what was hashed.
        await Store.CommitAsync(new Commit(new CommitMetadata(null, "Test", "әкім-Ұлан", "орынбасар-Әлия", Now),
            [new StreamWrite("агенттік-Түркістан", null, 0,
                [new AgencyCreated("akimat-two", new LocalizedName("Түркістан әкімдігі", "Акимат Туркестана", "Turkistan"), "050140000011")])],
            [], []), default);

        var stored = await Store.Log.ReadAsync(1, 10, default);
        var encoded = await Store.Log.ReadEncodedRangeAsync(1, 10, new EncodedEntries(), default);

        Assert.Equal(2, encoded.Count);
        encoded.HashLeaves();
        for (var i = 0; i < encoded.Count; i++)
        {
            Assert.Equal(stored[i].Sequence, encoded.Sequence(i));
            Assert.Equal(stored[i].LeafHash, encoded.StoredLeafHash(i).ToArray());
            Assert.Equal(stored[i].LeafHash, encoded.LeafHash(i).ToArray());
        }
    }

    [Fact]
    public async Task A_stale_expected_version_is_refused_and_writes_nothing()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);
        var employee = await CreateEmployeeAsync("emp-one", "user.one");

        var stale = Commit(null, new StreamWrite(Streams.Employee(employee.Id), "akimat-one", 7,
            [new EmployeeUpdated(employee.Id, null, "Head", [Role.Head], null, true)]));
        var outcome = await Store.CommitAsync(stale, default);

        var conflict = Assert.IsType<CommitOutcome.VersionConflict>(outcome);
        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal(7, conflict.ExpectedVersion);
        Assert.Equal(2, await Store.Log.CountAsync(default));
        Assert.Equal([Role.Executor], (await Store.Directory.GetEmployeeAsync(employee.Id, default))!.Roles);
    }

    [Fact]
    public async Task Creating_a_stream_that_exists_is_a_conflict()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);

        var again = await Store.CommitAsync(CreateAgency("akimat-one", "050140000011"), default);

        Assert.IsType<CommitOutcome.VersionConflict>(again);
        Assert.Equal("990340000014", (await Store.Directory.GetAgencyAsync("akimat-one", default))!.Bin);
    }

    [Fact]
    public async Task A_request_id_seen_before_returns_the_first_reply_and_appends_nothing()
    {
        var requestId = Guid.NewGuid();
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014", requestId, reply: [1, 2, 3]), default);

        var retry = await Store.CommitAsync(CreateAgency("akimat-two", "050140000011", requestId, reply: [9]), default);

        var duplicate = Assert.IsType<CommitOutcome.Duplicate>(retry);
        Assert.Equal([1, 2, 3], duplicate.Reply);
        Assert.Equal("Test", duplicate.Method);
        Assert.Equal(1, await Store.Log.CountAsync(default));
        Assert.Null(await Store.Directory.GetAgencyAsync("akimat-two", default));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_request_commit_once()
    {
        var requestId = Guid.NewGuid();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Store.CommitAsync(CreateAgency("akimat-one", "990340000014", requestId, reply: [7]), default)));

        Assert.Single(outcomes.OfType<CommitOutcome.Committed>());
        Assert.All(outcomes.OfType<CommitOutcome.Duplicate>(), d => Assert.Equal([7], d.Reply));
        Assert.Equal(1, await Store.Log.CountAsync(default));
    }

    [Fact]
    public async Task A_taken_unique_key_fails_only_its_own_command_in_a_batch()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Store.CommitAsync(NewEmployeeCommit($"emp-{i:00}", i == 10 ? "user.03" : $"user.{i:00}"), default)));

        Assert.Single(outcomes.OfType<CommitOutcome.UniqueViolation>(), u => u.Key == "employees.username");
        Assert.Equal(19, outcomes.OfType<CommitOutcome.Committed>().Count());
        var employees = await Store.Directory.ListEmployeesAsync("akimat-one", null, null, 100, default);
        Assert.Equal(19, employees.Items.Count);
        Assert.Equal(20, await Store.Log.CountAsync(default));
    }

    [Fact]
    public async Task A_value_the_store_refuses_fails_only_its_own_command_in_a_batch()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);

        // A name the read model's NOT NULL column refuses: a data error that no unique key explains.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Store.CommitAsync(i == 17 ? AgencyNamed($"akimat-{i:00}", null!) : NewEmployeeCommit($"emp-{i:00}", $"user.{i:00}"), default)));

        var refused = Assert.IsType<CommitOutcome.Refused>(outcomes[17]);
        Assert.Equal(RefusalKind.BadValue, refused.Kind);
        Assert.Equal(39, outcomes.OfType<CommitOutcome.Committed>().Count());
        Assert.Null(await Store.Directory.GetAgencyAsync("akimat-17", default));
        Assert.Equal(39, (await Store.Directory.ListEmployeesAsync("akimat-one", null, null, 100, default)).Items.Count);
        var log = await Store.Log.ReadAsync(1, 1000, default);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), log.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Concurrent_commits_get_unique_gap_free_sequences()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            Store.CommitAsync(NewEmployeeCommit($"emp-{i:00}", $"user.{i:00}"), default)));

        var sequences = outcomes.Cast<CommitOutcome.Committed>().Select(c => c.FirstSequence).Order().ToArray();
        Assert.Equal(Enumerable.Range(2, 64).Select(i => (long)i), sequences);
        var log = await Store.Log.ReadAsync(1, 1000, default);
        Assert.Equal(Enumerable.Range(1, 65).Select(i => (long)i), log.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Two_commits_on_one_stream_in_a_batch_see_each_others_versions()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);
        var employee = await CreateEmployeeAsync("emp-one", "user.one");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Store.CommitAsync(
            Commit(null, new StreamWrite(Streams.Employee(employee.Id), "akimat-one", 1,
                [new EmployeeUpdated(employee.Id, null, "Head", [Role.Head], null, true)])), default)));

        Assert.Single(outcomes.OfType<CommitOutcome.Committed>());
        Assert.Equal(5, outcomes.OfType<CommitOutcome.VersionConflict>().Count());
        Assert.Equal(2, (await Store.Directory.GetEmployeeAsync(employee.Id, default))!.Version);
    }

    [Fact]
    public async Task Secrets_are_stored_beside_the_events_but_never_in_them()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);
        await Store.CommitAsync(NewEmployeeCommit("emp-one", "user.one", secret: "PBKDF2-HASH-VALUE"), default);

        Assert.Equal("PBKDF2-HASH-VALUE", await Store.Access.GetSecretHashAsync("password", "emp-one", default));
        Assert.DoesNotContain(await Store.Log.ReadAsync(1, 10, default), e => e.Payload.Contains("PBKDF2-HASH-VALUE"));
    }

    [Fact]
    public async Task Sign_in_events_update_the_credentials_read_model()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);
        await CreateEmployeeAsync("emp-one", "user.one");
        var lockedUntil = Now.AddMinutes(15);

        await Store.CommitAsync(Commit(null, new StreamWrite(Streams.Credentials("emp-one"), "akimat-one", null,
            [new LoginFailed("emp-one", 1, null), new LoginFailed("emp-one", 2, lockedUntil)])), default);
        var locked = await Store.Access.GetCredentialsAsync("emp-one", default);
        await Store.CommitAsync(Commit(null, new StreamWrite(Streams.Credentials("emp-one"), "akimat-one", null,
            [new PasswordChanged("emp-one")])), default);
        var changed = await Store.Access.GetCredentialsAsync("emp-one", default);

        Assert.Equal(lockedUntil, locked!.LockedUntil);
        Assert.Null(changed!.LockedUntil);
        Assert.Equal(2, changed.PasswordVersion);
    }

    [Fact]
    public async Task Api_keys_are_created_listed_and_revoked()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);
        await Store.CommitAsync(Commit(null, new StreamWrite(Streams.ApiKey("key-one"), "akimat-one", 0,
            [new ApiKeyCreated("key-one", "akimat-one", "Portal", [Role.Channel])])), default);
        await Store.CommitAsync(Commit(null, new StreamWrite(Streams.ApiKey("key-one"), "akimat-one", 1,
            [new ApiKeyRevoked("key-one")])), default);

        var key = Assert.Single((await Store.Access.ListApiKeysAsync("akimat-one", null, 10, default)).Items);
        Assert.Equal([Role.Channel], key.Roles);
        Assert.Equal(Now, key.RevokedAt);
        Assert.Equal("tester", key.CreatedBy);
    }

    [Fact]
    public async Task Lists_page_by_key_without_skipping_or_repeating()
    {
        foreach (var (id, bin) in new[] { ("a-one", "990340000014"), ("b-two", "050140000011"), ("c-three", "160240000018") })
            await Store.CommitAsync(CreateAgency(id, bin), default);

        var first = await Store.Directory.ListAgenciesAsync(null, 2, default);
        var second = await Store.Directory.ListAgenciesAsync(first.NextAfter, 2, default);

        Assert.Equal(["a-one", "b-two"], first.Items.Select(a => a.Id));
        Assert.Equal(["c-three"], second.Items.Select(a => a.Id));
        Assert.Null(second.NextAfter);
    }

    [Fact]
    public async Task Server_keys_are_created_once_and_shared()
    {
        var first = await Store.Keys.GetOrCreateAsync("test-key", () => new StoredServerKey([1, 2, 3], "kek-1"), default);
        var second = await Store.Keys.GetOrCreateAsync("test-key", () => new StoredServerKey([4, 5, 6], "kek-1"), default);

        Assert.Equal([1, 2, 3], first.Material);
        Assert.Equal("kek-1", first.SealedWith);
        Assert.Equal(first.Material, second.Material);
    }

    [Fact]
    public async Task A_clear_server_key_is_sealed_once_and_a_second_seal_leaves_the_first()
    {
        await Store.Keys.GetOrCreateAsync("clear-key", () => new StoredServerKey([1, 2, 3], null), default);
        Assert.Contains(await Store.Keys.ListClearAsync(default), k => k.Name == "clear-key" && k.Material.SequenceEqual(new byte[] { 1, 2, 3 }));

        await Store.Keys.SealAsync("clear-key", new StoredServerKey([7, 7], "kek-1"), default);
        await Store.Keys.SealAsync("clear-key", new StoredServerKey([8, 8], "kek-1"), default);

        Assert.DoesNotContain(await Store.Keys.ListClearAsync(default), k => k.Name == "clear-key");
        var stored = await Store.Keys.GetOrCreateAsync("clear-key", () => new StoredServerKey([9], "kek-1"), default);
        Assert.Equal([7, 7], stored.Material);
    }

    [Fact]
    public async Task A_sign_in_session_rotates_only_from_its_current_refresh_token_and_not_at_all_once_revoked()
    {
        var now = DateTimeOffset.UtcNow;
        await Store.Sessions.StartAsync(new SignInSession("session-a", "e-1", "hash-1", null), now.AddDays(1), now, default);

        Assert.True(await Store.Sessions.RotateAsync("session-a", "hash-1", "hash-2", now.AddDays(1), default));
        Assert.False(await Store.Sessions.RotateAsync("session-a", "hash-1", "hash-3", now.AddDays(1), default));
        Assert.Equal("hash-2", (await Store.Sessions.GetAsync("session-a", default))!.RefreshTokenHash);

        await Store.Sessions.RevokeAsync("session-a", now, default);

        Assert.False(await Store.Sessions.RotateAsync("session-a", "hash-2", "hash-4", now.AddDays(1), default));
        Assert.NotNull((await Store.Sessions.GetAsync("session-a", default))!.RevokedAt);
    }

    [Fact]
    public async Task Sessions_whose_refresh_token_expired_are_dropped_when_another_starts()
    {
        var now = DateTimeOffset.UtcNow;
        await Store.Sessions.StartAsync(new SignInSession("session-old", "e-1", "hash-old", null), now.AddSeconds(-1), now.AddDays(-7), default);

        await Store.Sessions.StartAsync(new SignInSession("session-new", "e-1", "hash-new", null), now.AddDays(7), now, default);

        Assert.Null(await Store.Sessions.GetAsync("session-old", default));
        Assert.NotNull(await Store.Sessions.GetAsync("session-new", default));
    }

    [Fact]
    public async Task The_stored_tree_has_the_root_of_its_leaves_when_two_stores_write_in_turn()
    {
        await using var other = Open(_database);
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);
        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 7).Select(i =>
                (i % 2 == 0 ? Store : other).CommitAsync(NewEmployeeCommit($"emp-{round}-{i}", $"user.{round}.{i}"), default)));
        }

        var leaves = (await Store.Log.ReadAsync(1, 1000, default)).Select(e => e.LeafHash).ToArray();
        Assert.Equal(36, leaves.Length);
        var frontier = new MerkleFrontier(0, _ => []);
        foreach (var (leaf, size) in leaves.Select((l, i) => (l, i + 1)))
        {
            frontier.Append(leaf);
            Assert.Equal(frontier.Root, await other.Merkle.RootAsync(size, default));
        }
    }

    [Fact]
    public async Task Stored_proofs_verify_against_the_stored_roots()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Store.CommitAsync(NewEmployeeCommit($"emp-{i}", $"user.{i}"), default)));
        var leaves = (await Store.Log.ReadAsync(1, 1000, default)).Select(e => e.LeafHash).ToArray();
        var root = await Store.Merkle.RootAsync(21, default);

        for (var i = 0; i < 21; i++)
        {
            var (leaf, path) = await Store.Merkle.InclusionProofAsync(i, 21, default);
            Assert.Equal(leaves[i], leaf);
            Assert.True(MerkleProofs.VerifyInclusion(leaves[i], i, 21, path, root));
        }
        for (var m = 1; m <= 21; m++)
            Assert.True(MerkleProofs.VerifyConsistency(m, 21, await Store.Merkle.RootAsync(m, default), root,
                await Store.Merkle.ConsistencyProofAsync(m, 21, default)));
    }

    [Fact]
    public async Task A_document_keeps_its_whole_state_through_its_events()
    {
        var created = new DocumentCreated("doc-one", "akimat-one", DocumentKind.CitizenAppeal, "Өтініш", "Жол жөндеу туралы", "kk",
            "Ахметов Ерлан", "emp-one", [new AttachmentInfo("scan.pdf", "application/pdf", 1024, new string('a', 64))]);
        var registered = new DocumentRegistered("doc-one", "journal-one", "01-12/1-2026", 1, 2026, Now, new DateOnly(2026, 3, 20),
            new DateOnly(2026, 3, 20), "emp-reg", new DateOnly(2026, 4, 15));
        await Store.CommitAsync(Commit(null, new StreamWrite(Document.StreamIdFor("doc-one"), "akimat-one", 0, [created, registered])), default);

        var document = await Store.Documents.GetDocumentAsync("doc-one", default);

        Assert.NotNull(document);
        Assert.Equal(DocumentStatus.Registered, document.Status);
        Assert.Equal("01-12/1-2026", document.Registration!.Number);
        Assert.Equal(new DateOnly(2026, 4, 15), document.DueDate);
        Assert.Equal("scan.pdf", Assert.Single(document.Attachments).Name);
        Assert.Equal(2, document.Version);
    }

    [Fact]
    public async Task A_certificate_issued_and_revoked_in_one_commit_is_stored_revoked()
    {
        var issued = new CertificateIssued("KZ-2026-000001", "req-one", "address", "akimat-one", "850312300012", "Ахметов Ерлан",
            CertificateLanguage.Kk, IssueChannel.Online, "Мекенжай анықтамасы", "Шымкент қаласының әкімдігі",
            [new CertificateLine("Мекенжайы", "Шымкент, Тәуке хан даңғылы, 5")], Now, Now.AddDays(30), "{}", "sig", "key-one", "EDOC1:x");
        var revoked = new CertificateRevoked("KZ-2026-000001", "Қате деректер");

        Assert.IsType<CommitOutcome.Committed>(await Store.CommitAsync(
            Commit(null, new StreamWrite(CertificateStreams.Certificate(issued.Number), "akimat-one", 0, [issued, revoked])), default));
        var stored = await Store.Certificates.GetAsync(issued.Number, default);

        Assert.NotNull(stored);
        Assert.Equal((CertificateStatus.Revoked, "Қате деректер", 2L), (stored.StatusAt(Now), stored.RevokeReason, stored.Version));
    }

    [Fact]
    public async Task Journals_are_listed_by_index()
    {
        foreach (var (id, index) in new[] { ("j-b", "02"), ("j-a", "01") })
            await Store.CommitAsync(Commit(null, new StreamWrite("journal-" + id, "akimat-one", 0,
                [new JournalCreated(id, "akimat-one", index, "Кіріс", "{index}/{seq}-{yyyy}", [DocumentKind.Incoming, DocumentKind.CitizenAppeal])])), default);

        var journals = await Store.Documents.ListJournalsAsync("akimat-one", default);

        Assert.Equal(["01", "02"], journals.Select(j => j.Index));
        Assert.Equal("01/7-2026", journals[0].NumberFor(7, 2026));
        Assert.True(journals[0].Registers(DocumentKind.CitizenAppeal));
    }

    [Fact]
    public async Task Content_is_stored_once_per_sha256_and_read_back_byte_exact()
    {
        var data = RandomNumberGenerator.GetBytes(100_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(data));

        await Store.Documents.StoreContentAsync(sha, data, default);
        await Store.Documents.StoreContentAsync(sha, data, default);

        Assert.Equal(data, await Store.Documents.GetContentAsync(sha, default));
        Assert.Null(await Store.Documents.GetContentAsync(new string('0', 64), default));
    }

    [Fact]
    public async Task A_streams_version_is_its_event_count_and_0_before_any()
    {
        Assert.Equal(0, await Store.Log.StreamVersionAsync("journal-j-a/2026", default));

        foreach (var sequence in new[] { 1, 2 })
            await Store.CommitAsync(Commit(null, new StreamWrite("journal-j-a/2026", "akimat-one", sequence - 1,
                [new JournalNumberIssued("j-a", 2026, sequence, $"doc-{sequence}")])), default);

        Assert.Equal(2, await Store.Log.StreamVersionAsync("journal-j-a/2026", default));
    }

    [Fact]
    public async Task Documents_list_newest_first_in_keyset_pages_and_search_titles_in_any_case()
    {
        foreach (var (id, title) in new[] { ("doc-a", "ӨТІНІШ 50%_ жол"), ("doc-b", "Өтініш жарық"), ("doc-c", "Хат"), ("doc-d", "өтініш 50 жол") })
        {
            var created = new DocumentCreated(id, "akimat-one", DocumentKind.CitizenAppeal, title, "", "kk", "Ахметов Ерлан", "emp-one", []);
            await Store.CommitAsync(Commit(null, new StreamWrite(Document.StreamIdFor(id), "akimat-one", 0, [created])), default);
        }
        var filter = new Queries.DocumentFilter("akimat-one", null, null, null, null, null, "өтініш");

        var first = await Store.Documents.ListDocumentsAsync(filter, null, 2, default);
        var second = await Store.Documents.ListDocumentsAsync(filter, first.NextAfter, 2, default);
        var literal = await Store.Documents.ListDocumentsAsync(filter with { TitleContains = "50%_" }, null, 10, default);

        Assert.Equal(["doc-d", "doc-b"], first.Items.Select(d => d.Id));
        Assert.Equal(["doc-a"], second.Items.Select(d => d.Id));
        Assert.Null(second.NextAfter);
        Assert.Equal(["doc-a"], literal.Items.Select(d => d.Id));
    }

    [Fact]
    public async Task An_inbox_holds_the_tasks_of_whom_the_employee_substitutes_while_the_substitution_lasts()
    {
        await CreateEmployeeAsync("emp-away", "away");
        await CreateEmployeeAsync("emp-sub", "sub");
        await StartRouteAsync("route-a", "emp-away");
        await StartRouteAsync("route-b", "emp-sub");
        var open = new TaskFilter(null, null, RouteTaskStatus.Open, null, null);
        async Task<IEnumerable<string>> InboxAsync(DateTimeOffset now) =>
            (await Store.Workflow.ListInboxAsync("emp-sub", now, open, null, 10, default)).Items.Select(t => t.RouteId);

        var before = await InboxAsync(Now);
        await Store.CommitAsync(Commit(null, new StreamWrite(Streams.Employee("emp-away"), "akimat-one", 1,
            [new SubstituteSet("emp-away", "emp-sub", Now.AddDays(7))])), default);
        var during = await InboxAsync(Now);
        var ended = await InboxAsync(Now.AddDays(8));

        Assert.Equal(["route-b"], before);
        Assert.Equal(["route-a", "route-b"], during.Order());
        Assert.Equal(["route-b"], ended);
    }

    [Fact]
    public async Task A_route_row_read_at_a_stale_version_is_refused_and_never_written_back()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);
        await StartRouteAsync("route-a", "emp-a", "emp-b");
        var read = (await Store.Workflow.GetRouteAsync("route-a", default))!;
        var (taskA, taskB) = (read.Route.Tasks.Single(t => t.AssigneeId == "emp-a"), read.Route.Tasks.Single(t => t.AssigneeId == "emp-b"));
        IReadOnlyList<DomainEvent> Approve(RouteTask task) => RouteRules.CompleteTask(
            new Caller(task.AssigneeId, CallerKind.Employee, "akimat-one", new HashSet<Role> { Role.Executor }, "test"), read.Route,
            new TaskDecision(task.Id, TaskOutcome.Approved, task.Version), Now, WorkingCalendar.Kazakhstan);
        Assert.IsType<CommitOutcome.Committed>(await Store.CommitAsync(Commit(null, read.Append(Approve(taskA))), default));

        // While the writer is busy, a decision on the stale row and a write naming no version queue up into one batch:
        // the stale row must not stand in for the stored one.
        var busy = Enumerable.Range(0, 20).Select(i => Store.CommitAsync(NewEmployeeCommit($"emp-{i}", $"user.{i}"), default)).ToArray();
        var stale = Store.CommitAsync(Commit(null, read.Append(Approve(taskB))), default);
        var extended = new DateOnly(2026, 6, 30);
        var extend = Store.CommitAsync(Commit(null, new StreamWrite(WorkflowStreams.Route("route-a"), "akimat-one", null,
            [new DeadlineExtended("route-a", taskB.Id, taskB.DueDate, extended, "emp-head", "Сұрау салынды")])), default);
        await Task.WhenAll(busy);

        Assert.IsType<CommitOutcome.VersionConflict>(await stale);
        Assert.IsType<CommitOutcome.Committed>(await extend);
        var stored = (await Store.Workflow.GetRouteAsync("route-a", default))!;
        Assert.Equal(read.Route.Version + 2, stored.Route.Version);
        Assert.Equal(RouteTaskStatus.Done, stored.Route.FindTask(taskA.Id)!.Status);
        Assert.Equal((RouteTaskStatus.Open, extended), (stored.Route.FindTask(taskB.Id)!.Status, stored.Route.FindTask(taskB.Id)!.DueDate));
        Assert.Equal([nameof(TaskCompleted), nameof(DeadlineExtended)], stored.History.TakeLast(2).Select(h => h.Type));
        var inbox = await Store.Workflow.ListTasksAsync(new TaskFilter(["emp-a", "emp-b"], null, null, null, null), null, 10, default);
        Assert.Equal([(taskA.Id, RouteTaskStatus.Done), (taskB.Id, RouteTaskStatus.Open)],
            inbox.Items.Select(t => (t.Task.Id, t.Task.Status)).OrderBy(t => t.Id == taskB.Id));
    }

    [Fact]
    public async Task A_task_escalated_and_reminded_in_one_commit_stays_in_the_supervisors_inbox()
    {
        // The second event rewrites the task's row without naming the supervisor; the escalation must survive it, also
        // when the transaction sends the row once with its last values.
        var started = RouteStartEvents("route-late", "emp-late");
        var task = Route.Replay(started).Tasks.Single();
        var due = task.DueDate!.Value;
        DomainEvent[] late = [new TaskOverdue("route-late", task.Id, "emp-late", due, "emp-supervisor"),
            new ExecutorReminded("route-late", task.Id, "emp-late", due, "emp-controller")];
        Assert.IsType<CommitOutcome.Committed>(await Store.CommitAsync(
            Commit(null, new StreamWrite(WorkflowStreams.Route("route-late"), "akimat-one", 0, [.. started, .. late])), default));

        var supervisor = await Store.Workflow.ListTasksAsync(new TaskFilter(["emp-supervisor"], null, null, null, null, ["emp-supervisor"]),
            null, 10, default);

        var escalated = Assert.Single(supervisor.Items);
        Assert.Equal((task.Id, due, due), (escalated.Task.Id, escalated.Task.EscalatedFor, escalated.Task.RemindedFor));
    }

    private async Task StartRouteAsync(string routeId, params string[] assigneeIds) =>
        Assert.IsType<CommitOutcome.Committed>(await Store.CommitAsync(
            Commit(null, new StreamWrite(WorkflowStreams.Route(routeId), "akimat-one", 0, [.. RouteStartEvents(routeId, assigneeIds)])), default));

    private static IReadOnlyList<DomainEvent> RouteStartEvents(string routeId, params string[] assigneeIds)
    {
        var registrar = new Caller("emp-reg", CallerKind.Employee, "akimat-one", new HashSet<Role> { Role.Registrar }, "test");
        var stages = new[] { new StageDefinition("Келісу", StageMode.ParallelAll, [.. assigneeIds.Select(id => new Participant(id, TaskAction.Approve))], 10) };
        return [.. RouteRules.Start(registrar, routeId, "doc-" + routeId, "akimat-one", stages, Now, WorkingCalendar.Kazakhstan)];
    }

    private async Task<Employee> CreateEmployeeAsync(string id, string username)
    {
        Assert.IsType<CommitOutcome.Committed>(await Store.CommitAsync(NewEmployeeCommit(id, username), default));
        return (await Store.Directory.GetEmployeeAsync(id, default))!;
    }

    protected static Commit CreateAgency(string id, string bin, Guid? requestId = null, byte[]? reply = null) =>
        Commit(requestId, new StreamWrite(Streams.Agency(id), id, 0,
            [new AgencyCreated(id, new LocalizedName("Шымкент", "Шымкент", "Shymkent"), bin)]), reply);

    protected static Commit AgencyNamed(string id, string kazakhName) =>
        Commit(null, new StreamWrite(Streams.Agency(id), id, 0,
            [new AgencyCreated(id, new LocalizedName(kazakhName, "Шымкент", "Shymkent"), "990340000014")]));

    protected static Commit NewEmployeeCommit(string id, string username, string secret = "hash") =>
        new(new CommitMetadata(null, "Test", "tester", null, Now),
            [new StreamWrite(Streams.Employee(id), "akimat-one", 0,
                [new EmployeeCreated(id, "akimat-one", null, "850312300012", "Ахметов Ерлан", "Маман", username, [Role.Executor], null)])],
            [new SecretWrite("password", id, secret)], []);

    private static Commit Commit(Guid? requestId, StreamWrite write, byte[]? reply = null) =>
        new(new CommitMetadata(requestId, "Test", "tester", null, Now), [write], [], reply ?? []);
}
