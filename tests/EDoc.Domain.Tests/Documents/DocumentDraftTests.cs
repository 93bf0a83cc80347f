using EDoc.Domain.Access;
using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using static EDoc.Domain.Tests.Documents.DocumentFixtures;

namespace EDoc.Domain.Tests.Documents;

public class DocumentDraftTests
{
    private static readonly AttachmentInfo Scan = new(" scan.pdf ", "application/pdf", 1024, Sha.ToUpperInvariant());

    [Fact]
    public void Executor_creates_a_draft_with_trimmed_fields_and_themselves_as_author()
    {
        var e = DocumentRules.Create(Author, AgencyA, "doc-1", DocumentKind.Outgoing, "  Reply to ministry ", " ", " RU ",
            " Ministry of Justice ", [Scan]);

        Assert.Equal(("doc-1", AgencyA, DocumentKind.Outgoing), (e.DocumentId, e.AgencyId, e.Kind));
        Assert.Equal(("Reply to ministry", "", "ru", "Ministry of Justice"), (e.Title, e.Summary, e.Language, e.Correspondent));
        Assert.Equal(Author.Id, e.AuthorId);
        Assert.Equal(new AttachmentInfo("scan.pdf", "application/pdf", 1024, Sha), Assert.Single(e.Attachments));

        var doc = Document.From(e, Wednesday, 1);
        Assert.Equal(DocumentStatus.Draft, doc.Status);
        Assert.Equal((0, 1L, Wednesday, Wednesday), (doc.CurrentContentVersion, doc.Version, doc.CreatedAt, doc.UpdatedAt));
        Assert.Null(doc.Registration);
        Assert.False(doc.OnControl);
    }

    [Fact]
    public void Create_reports_every_wrong_field_by_its_api_path()
    {
        var error = Assert.Throws<InvalidArgumentException>(() => DocumentRules.Create(Registrar, AgencyA, "Bad Id", DocumentKind.Incoming,
            "", new string('s', DocumentRules.MaxSummaryLength + 1), "de", null,
            [new AttachmentInfo("", "pdf", -1, "abc")]));

        var fields = error.Violations.ToDictionary(v => v.Field, v => v.Reason);
        Assert.Equal("INVALID_ID", fields["document.id"]);
        Assert.Equal("MISSING_FIELD", fields["document.title"]);
        Assert.Equal("FIELD_TOO_LONG", fields["document.summary"]);
        Assert.Equal("UNSUPPORTED_LANGUAGE", fields["document.language"]);
        Assert.Equal("MISSING_FIELD", fields["document.correspondent"]); // incoming mail names its sender
        Assert.Equal("MISSING_FIELD", fields["document.attachments[0].name"]);
        Assert.Equal("INVALID_CONTENT_TYPE", fields["document.attachments[0].content_type"]);
        Assert.Equal("INVALID_ARGUMENT", fields["document.attachments[0].size"]);
        Assert.Equal("INVALID_SHA256", fields["document.attachments[0].sha256"]);
    }

    [Fact]
    public void Title_longer_than_the_limit_is_refused()
    {
        var error = Assert.Throws<InvalidArgumentException>(() => DocumentRules.Create(Author, AgencyA, "doc-1", DocumentKind.Internal,
            new string('t', DocumentRules.MaxTitleLength + 1), null, "kk", null, NoAttachments));
        Assert.Equal(("document.title", "FIELD_TOO_LONG"), (error.Violations[0].Field, error.Reason));
    }

    [Fact]
    public void Citizen_channel_files_appeals_but_drafts_nothing_else()
    {
        var appeal = DocumentRules.Create(Portal, AgencyA, "doc-1", DocumentKind.CitizenAppeal, "Road repair", null, "kk",
            "Serikbayev A., IIN 900515301234", NoAttachments);
        Assert.Equal(Portal.Id, appeal.AuthorId);

        var error = Assert.Throws<PermissionDeniedException>(() => DocumentRules.Create(Portal, AgencyA, "doc-2", DocumentKind.Outgoing,
            "Letter", null, "kk", null, NoAttachments));
        Assert.Equal("MISSING_ROLE", error.Reason);
    }

    [Fact]
    public void Incoming_mail_is_entered_by_registrars_only()
    {
        Assert.Throws<PermissionDeniedException>(() => Draft(DocumentKind.Incoming, Author));
        Assert.Equal(DocumentStatus.Draft, Draft(DocumentKind.Incoming, Registrar).Status);
    }

    [Theory]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Trainee)]
    [InlineData(Role.Trainer)]
    [InlineData(Role.AgencyAdmin)]
    public void Roles_that_do_not_write_documents_cannot_create_them(Role role)
    {
        Assert.Throws<PermissionDeniedException>(() => Draft(DocumentKind.Internal, Staff("emp-x", AgencyA, role)));
    }

    [Fact]
    public void Creating_in_another_agency_looks_like_a_missing_agency()
    {
        var error = Assert.Throws<NotFoundException>(() => DocumentRules.Create(RegistrarB, AgencyA, "doc-1", DocumentKind.Internal,
            "Title", null, "ru", null, NoAttachments));
        Assert.Equal("Agency", error.ResourceType);
    }

    [Fact]
    public void Author_updates_only_the_fields_named_and_the_rest_stay()
    {
        var draft = Draft(DocumentKind.Outgoing, Author);

        var e = DocumentRules.Update(Author, draft, new DocumentChanges(Title: "New title", Attachments: [Scan]), expectedVersion: 1);
        var updated = draft.Then(e, Wednesday.AddHours(1));

        Assert.Equal(("New title", "Summary", "ru", "Ivanov I."), (updated.Title, updated.Summary, updated.Language, updated.Correspondent));
        Assert.Equal(Sha, Assert.Single(updated.Attachments).Sha256Hex);
        Assert.Equal((2L, Wednesday.AddHours(1)), (updated.Version, updated.UpdatedAt));
    }

    [Fact]
    public void Stale_expected_version_is_a_concurrency_conflict_and_zero_skips_the_check()
    {
        var draft = Draft(DocumentKind.Outgoing, Author).Then(
            DocumentRules.Update(Author, Draft(DocumentKind.Outgoing, Author), new DocumentChanges(Summary: "v2"), 0));

        var error = Assert.Throws<ConcurrencyConflictException>(() =>
            DocumentRules.Update(Author, draft, new DocumentChanges(Title: "late"), expectedVersion: 1));
        Assert.Equal("STALE_VERSION", error.Reason);
        Assert.Equal(("document-doc-1", "1", "2"), (error.Metadata["stream"], error.Metadata["expectedVersion"], error.Metadata["actualVersion"]));

        Assert.Equal("late", DocumentRules.Update(Author, draft, new DocumentChanges(Title: "late"), 0).Title);
    }

    [Fact]
    public void A_colleague_cannot_edit_someone_elses_draft_but_a_registrar_can()
    {
        var draft = Draft(DocumentKind.Outgoing, Author);

        Assert.Equal("NOT_AUTHOR", Assert.Throws<PermissionDeniedException>(() =>
            DocumentRules.Update(Colleague, draft, new DocumentChanges(Title: "x"), 0)).Reason);
        Assert.Equal("x", DocumentRules.Update(Registrar, draft, new DocumentChanges(Title: "x"), 0).Title);
    }

    [Fact]
    public void After_registration_only_a_registrar_corrects_the_card()
    {
        var registered = Draft(DocumentKind.Outgoing, Author).Registered(Wednesday);

        Assert.Equal("MISSING_ROLE", Assert.Throws<PermissionDeniedException>(() =>
            DocumentRules.Update(Author, registered, new DocumentChanges(Title: "x"), 0)).Reason);
        Assert.Equal("x", DocumentRules.Update(Registrar, registered, new DocumentChanges(Title: "x"), 0).Title);
    }

    [Fact]
    public void Closed_documents_change_no_more()
    {
        var closed = Draft(DocumentKind.Internal).Registered(Wednesday).Then(new DocumentClosed("doc-1", Registrar.Id));

        Assert.Equal(DocumentStatus.Closed, closed.Status);
        Assert.Equal("DOCUMENT_CLOSED", Assert.Throws<FailedPreconditionException>(() =>
            DocumentRules.Update(Registrar, closed, new DocumentChanges(Title: "x"), 0)).Reason);
        Assert.Equal("DOCUMENT_CLOSED", Assert.Throws<FailedPreconditionException>(() =>
            DocumentRules.AddContentVersion(Registrar, closed, Sha, 10, "application/pdf", 100, Wednesday)).Reason);
    }

    [Fact]
    public void Update_naming_no_field_is_refused()
    {
        var error = Assert.Throws<InvalidArgumentException>(() =>
            DocumentRules.Update(Author, Draft(DocumentKind.Outgoing, Author), new DocumentChanges(), 0));
        Assert.Equal("update_mask", error.Violations[0].Field);
    }

    [Fact]
    public void Other_agencies_documents_look_missing()
    {
        Assert.Throws<NotFoundException>(() =>
            DocumentRules.Update(RegistrarB, Draft(DocumentKind.Outgoing), new DocumentChanges(Title: "x"), 0));
    }

    [Fact]
    public void Each_upload_is_a_new_numbered_version_with_its_hash()
    {
        var doc = Draft(DocumentKind.Outgoing, Author);
        var first = DocumentRules.AddContentVersion(Author, doc, Sha.ToUpperInvariant(), 100, "application/pdf", 1000, Wednesday);
        doc = doc.Then(first);
        var second = DocumentRules.AddContentVersion(Author, doc, OtherSha, 200, "text/plain; charset=utf-8", 1000, Wednesday.AddHours(1));
        doc = doc.Then(second);

        Assert.Equal((1, Sha, Author.Id), (first.Number, first.Sha256Hex, first.UploadedBy));
        Assert.Equal(2, doc.CurrentContentVersion);
        Assert.Equal([1, 2], doc.ContentVersions.Select(v => v.Number));
        Assert.Equal(new ContentVersion(2, OtherSha, 200, "text/plain; charset=utf-8", Author.Id, Wednesday.AddHours(1)), doc.Content);
    }

    [Fact]
    public void Content_over_the_limit_is_refused_with_its_own_reason()
    {
        var error = Assert.Throws<InvalidArgumentException>(() =>
            DocumentRules.AddContentVersion(Author, Draft(DocumentKind.Outgoing, Author), Sha, 1001, "application/pdf", 1000, Wednesday));
        Assert.Equal("CONTENT_TOO_LARGE", error.Reason);
        Assert.Equal("content", error.Violations[0].Field);
    }

    [Fact]
    public void Content_needs_a_hash_bytes_and_a_mime_type()
    {
        var error = Assert.Throws<InvalidArgumentException>(() =>
            DocumentRules.AddContentVersion(Author, Draft(DocumentKind.Outgoing, Author), "nothex", 0, "pdf", 1000, Wednesday));
        Assert.Equal(["content.sha256", "content.size", "content.content_type"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Agency_admin_sets_up_a_journal_with_the_default_format()
    {
        var e = DocumentRules.CreateJournal(AgencyAdmin, AgencyA, "jrn-appeals", " 02-05 ", "Appeals", null,
            [DocumentKind.CitizenAppeal, DocumentKind.Incoming, DocumentKind.CitizenAppeal]);

        Assert.Equal(("02-05", "Appeals", JournalNumberFormat.DefaultPattern), (e.Index, e.Name, e.NumberFormat));
        Assert.Equal([DocumentKind.Incoming, DocumentKind.CitizenAppeal], e.Kinds);
        var journal = RegistrationJournal.From(e, Wednesday, 1);
        Assert.True(journal.Registers(DocumentKind.CitizenAppeal));
        Assert.False(journal.Registers(DocumentKind.Order));
        Assert.Equal("02-05/3-2026", journal.NumberFor(3, 2026));
    }

    [Fact]
    public void Journal_with_a_bad_format_or_no_kinds_is_refused()
    {
        var error = Assert.Throws<InvalidArgumentException>(() =>
            DocumentRules.CreateJournal(AgencyAdmin, AgencyA, "jrn-1", "01", "General", "{index}-{yyyy}", []));
        Assert.Equal(["journal.number_format", "journal.kinds"], error.Violations.Select(v => v.Field));
        Assert.Equal("INVALID_NUMBER_FORMAT", error.Reason);
    }

    [Fact]
    public void Registrars_set_up_their_agencys_journals_and_heads_do_not()
    {
        // The records office keeps the journals it registers in.
        var journal = DocumentRules.CreateJournal(Registrar, AgencyA, "jrn-1", "01", "General", null, [DocumentKind.Incoming]);

        Assert.Equal((AgencyA, "01"), (journal.AgencyId, journal.Index));
        Assert.Throws<PermissionDeniedException>(() =>
            DocumentRules.CreateJournal(Head, AgencyA, "jrn-2", "02", "General", null, [DocumentKind.Incoming]));
        Assert.Throws<NotFoundException>(() =>
            DocumentRules.CreateJournal(RegistrarB, AgencyA, "jrn-3", "03", "General", null, [DocumentKind.Incoming]));
    }
}
