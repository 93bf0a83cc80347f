using EDoc.Domain.Access;
using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using static EDoc.Domain.Tests.Documents.DocumentFixtures;

namespace EDoc.Domain.Tests.Documents;

public class DocumentRegistrationTests
{
    [Fact]
    public void Registrar_numbers_the_document_with_the_next_sequence_of_the_year()
    {
        var draft = Draft(DocumentKind.Incoming);

        var e = DocumentRules.Register(Registrar, draft, Journal(), lastSequenceThisYear: 26, Wednesday, Kz);

        Assert.Equal(("doc-1", "jrn-agency-a", "01-12/27-2026", 27, 2026), (e.DocumentId, e.JournalId, e.Number, e.Sequence, e.Year));
        Assert.Equal((Wednesday, new DateOnly(2026, 3, 4), Registrar.Id), (e.RegisteredAt, e.RegisteredOn, e.RegisteredBy));
        Assert.Null(e.DueDate);

        var doc = draft.Then(e, Wednesday);
        Assert.Equal(DocumentStatus.Registered, doc.Status);
        Assert.Equal(new DocumentRegistration("jrn-agency-a", "01-12/27-2026", 27, 2026, Wednesday, new DateOnly(2026, 3, 4),
            new DateOnly(2026, 3, 4), Registrar.Id), doc.Registration);
    }

    [Fact]
    public void First_registration_of_a_year_is_number_one_in_the_journals_format()
    {
        var journal = Journal(format: "{index}-{seq:4}/{yy}");
        var e = DocumentRules.Register(Registrar, Draft(DocumentKind.Internal), journal, 0, Wednesday, Kz);
        Assert.Equal(("01-12-0001/26", 1), (e.Number, e.Sequence));
    }

    [Fact]
    public void A_document_is_registered_only_once()
    {
        var registered = Draft(DocumentKind.Incoming).Registered(Wednesday);

        var error = Assert.Throws<FailedPreconditionException>(() =>
            DocumentRules.Register(Registrar, registered, Journal(), 1, Wednesday, Kz));
        Assert.Equal(("ALREADY_REGISTERED", "doc-1"), (error.Reason, error.Subject));
    }

    [Theory]
    [InlineData(Role.Head)]
    [InlineData(Role.AgencyAdmin)]
    [InlineData(Role.Executor)]
    public void Only_a_registrar_registers(Role role)
    {
        var error = Assert.Throws<PermissionDeniedException>(() =>
            DocumentRules.Register(Staff("emp-x", AgencyA, role), Draft(DocumentKind.Incoming), Journal(), 0, Wednesday, Kz));
        Assert.Equal("MISSING_ROLE", error.Reason);
    }

    [Fact]
    public void A_system_admin_is_not_the_agencys_registrar()
    {
        Assert.Throws<PermissionDeniedException>(() =>
            DocumentRules.Register(SystemAdmin, Draft(DocumentKind.Incoming), Journal(), 0, Wednesday, Kz));
    }

    [Fact]
    public void Another_agencys_registrar_does_not_see_the_document_nor_its_journal()
    {
        Assert.Throws<NotFoundException>(() =>
            DocumentRules.Register(RegistrarB, Draft(DocumentKind.Incoming), Journal(AgencyB), 0, Wednesday, Kz));
        var journalError = Assert.Throws<NotFoundException>(() =>
            DocumentRules.Register(Registrar, Draft(DocumentKind.Incoming), Journal(AgencyB), 0, Wednesday, Kz));
        Assert.Equal("Journal", journalError.ResourceType);
    }

    [Fact]
    public void The_journal_must_accept_the_documents_kind()
    {
        var error = Assert.Throws<InvalidArgumentException>(() => DocumentRules.Register(Registrar, Draft(DocumentKind.CitizenAppeal),
            Journal(kinds: [DocumentKind.Incoming, DocumentKind.Outgoing]), 0, Wednesday, Kz));
        Assert.Equal(("JOURNAL_KIND_MISMATCH", "journal_id"), (error.Reason, error.Violations[0].Field));
    }

    [Fact]
    public void Appeal_is_due_fifteen_working_days_after_receipt()
    {
        // Received Wed 4 Mar 2026; Mon 9 Mar (for Sun 8 Mar) and 21-25 Mar (Nauryz and its transfers) are days off.
        var appeal = Appeal(Wednesday);

        Assert.Equal(new DateOnly(2026, 3, 31), appeal.DueDate);
        Assert.Equal(new DateOnly(2026, 3, 4), appeal.Registration!.RegisteredOn);
    }

    [Fact]
    public void Appeal_received_on_a_day_off_is_registered_on_the_next_working_day()
    {
        // Sat 21 Mar 2026 starts Nauryz: 21-25 Mar are off, so the appeal is registered on Thu 26 Mar and due 15 working days later.
        var saturday = new DateTimeOffset(2026, 3, 21, 10, 0, 0, Almaty);

        var e = DocumentRules.Register(Registrar, Draft(DocumentKind.CitizenAppeal, at: saturday), Journal(), 0, saturday, Kz);

        Assert.Equal((new DateOnly(2026, 3, 26), new DateOnly(2026, 3, 21)), (e.RegisteredOn, e.ReceivedOn));
        Assert.Equal(saturday, e.RegisteredAt);
        Assert.Equal(new DateOnly(2026, 4, 16), e.DueDate);
    }

    [Fact]
    public void Registering_an_appeal_late_does_not_move_its_deadline()
    {
        var friday = new DateTimeOffset(2026, 3, 6, 16, 0, 0, Almaty);

        var appeal = Appeal(Wednesday, registeredAt: friday);

        Assert.Equal(new DateOnly(2026, 3, 6), appeal.Registration!.RegisteredOn);
        Assert.Equal(new DateOnly(2026, 3, 31), appeal.DueDate);
    }

    [Fact]
    public void Appeal_received_in_the_new_year_holidays_is_numbered_in_the_new_year()
    {
        // 20:00 UTC on 31 Dec is 01:00 on 1 Jan in Almaty; 1-4 Jan 2027 are off, so registration falls on Tue 5 Jan.
        var newYearNight = new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.Zero);
        var appeal = Draft(DocumentKind.CitizenAppeal, at: newYearNight);

        Assert.Equal(2027, DocumentRules.RegistrationYear(appeal, newYearNight, Kz));
        var e = DocumentRules.Register(Registrar, appeal, Journal(), 0, newYearNight, Kz);
        Assert.Equal(("01-12/1-2027", new DateOnly(2027, 1, 5)), (e.Number, e.RegisteredOn));
    }

    [Fact]
    public void Other_documents_are_registered_on_the_day_itself_even_a_saturday()
    {
        var saturday = new DateTimeOffset(2026, 3, 7, 11, 0, 0, Almaty);
        var e = DocumentRules.Register(Registrar, Draft(DocumentKind.Incoming), Journal(), 0, saturday, Kz);
        Assert.Equal(new DateOnly(2026, 3, 7), e.RegisteredOn);
        Assert.Null(e.DueDate);
    }

    [Fact]
    public void Control_mark_from_a_resolution_shows_on_the_document()
    {
        var doc = Draft(DocumentKind.Incoming).Registered(Wednesday)
            .Then(new DocumentPutOnControl("doc-1", Head.Id, new DateOnly(2026, 3, 20)));

        Assert.True(doc.OnControl);
        Assert.Equal(new DocumentControl(Head.Id, new DateOnly(2026, 3, 20)), doc.Control);
    }

    [Fact]
    public void Closing_takes_the_document_off_control()
    {
        var onControl = Draft(DocumentKind.Incoming).Registered(Wednesday)
            .Then(new DocumentPutOnControl("doc-1", Head.Id, new DateOnly(2026, 3, 20)));

        var closed = onControl.Then(DocumentRules.Close(Head, onControl));

        Assert.Equal((DocumentStatus.Closed, false, null), (closed.Status, closed.OnControl, closed.Control));
    }

    [Fact]
    public void Registrar_or_head_closes_a_registered_document_once()
    {
        var registered = Draft(DocumentKind.Incoming).Registered(Wednesday);

        Assert.Equal("NOT_REGISTERED", Assert.Throws<FailedPreconditionException>(() =>
            DocumentRules.Close(Head, Draft(DocumentKind.Incoming))).Reason);
        Assert.Throws<PermissionDeniedException>(() => DocumentRules.Close(Author, registered));
        var closed = registered.Then(DocumentRules.Close(Head, registered));
        Assert.Equal(DocumentStatus.Closed, closed.Status);
        Assert.Equal("ALREADY_CLOSED", Assert.Throws<FailedPreconditionException>(() => DocumentRules.Close(Registrar, closed)).Reason);
    }

    [Fact]
    public void Events_of_other_features_only_move_the_version()
    {
        var doc = Draft(DocumentKind.Incoming);
        var moved = doc.Apply(new Directory.SubstituteSet("emp-1", null, null), Wednesday.AddHours(2), 7);
        Assert.Equal(doc with { Version = 7, UpdatedAt = Wednesday.AddHours(2) }, moved);
    }
}
