using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using static EDoc.Domain.Tests.Documents.DocumentFixtures;

namespace EDoc.Domain.Tests.Documents;

/// <summary>Terms of the Administrative Procedural Code for an appeal received Wed 4 Mar 2026 and due Tue 31 Mar 2026.</summary>
public class CitizenAppealTests
{
    private static readonly DateTimeOffset Friday20March = new(2026, 3, 20, 9, 0, 0, Almaty);

    [Fact]
    public void Head_extends_once_up_to_two_months_from_the_start_and_the_applicant_is_told_within_three_working_days()
    {
        var appeal = Appeal(Wednesday);

        var e = DocumentRules.ExtendAppeal(Head, appeal, new DateOnly(2026, 5, 4), " needs an inspection ", Friday20March, Kz);

        Assert.Equal((new DateOnly(2026, 3, 31), new DateOnly(2026, 5, 4)), (e.PreviousDueDate, e.NewDueDate));
        Assert.Equal(("needs an inspection", Head.Id, Friday20March), (e.Reason, e.ExtendedBy, e.ExtendedAt));
        // Fri 20 Mar, then 21-25 Mar off: 26, 27 and 30 Mar are the three working days.
        Assert.Equal(new DateOnly(2026, 3, 30), e.NotifyApplicantBy);

        var extended = appeal.Then(e);
        Assert.Equal(new DateOnly(2026, 5, 4), extended.DueDate);
        Assert.Equal("ALREADY_EXTENDED", Assert.Throws<FailedPreconditionException>(() =>
            DocumentRules.ExtendAppeal(Head, extended, new DateOnly(2026, 5, 4), "again", Friday20March, Kz)).Reason);
    }

    [Fact]
    public void Extension_beyond_two_months_in_all_is_refused()
    {
        var error = Assert.Throws<InvalidArgumentException>(() =>
            DocumentRules.ExtendAppeal(Head, Appeal(Wednesday), new DateOnly(2026, 5, 5), "reason", Friday20March, Kz));
        Assert.Equal(("EXTENSION_TOO_LONG", "new_due_date"), (error.Reason, error.Violations[0].Field));
    }

    [Fact]
    public void Extension_needs_a_reason_and_a_later_date()
    {
        var error = Assert.Throws<InvalidArgumentException>(() =>
            DocumentRules.ExtendAppeal(Head, Appeal(Wednesday), new DateOnly(2026, 3, 31), "  ", Friday20March, Kz));
        Assert.Equal(["reason", "new_due_date"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Extension_after_the_deadline_is_too_late()
    {
        var error = Assert.Throws<FailedPreconditionException>(() => DocumentRules.ExtendAppeal(Head, Appeal(Wednesday),
            new DateOnly(2026, 4, 30), "reason", new DateTimeOffset(2026, 4, 1, 9, 0, 0, Almaty), Kz));
        Assert.Equal("DEADLINE_PASSED", error.Reason);
    }

    [Fact]
    public void Only_the_head_extends_and_only_appeals()
    {
        Assert.Throws<PermissionDeniedException>(() =>
            DocumentRules.ExtendAppeal(Registrar, Appeal(Wednesday), new DateOnly(2026, 4, 30), "reason", Friday20March, Kz));
        Assert.Throws<PermissionDeniedException>(() =>
            DocumentRules.ExtendAppeal(SystemAdmin, Appeal(Wednesday), new DateOnly(2026, 4, 30), "reason", Friday20March, Kz));
        Assert.Equal("NOT_AN_APPEAL", Assert.Throws<FailedPreconditionException>(() => DocumentRules.ExtendAppeal(Head,
            Draft(DocumentKind.Incoming).Registered(Wednesday), new DateOnly(2026, 4, 30), "reason", Friday20March, Kz)).Reason);
        Assert.Equal("NOT_REGISTERED", Assert.Throws<FailedPreconditionException>(() => DocumentRules.ExtendAppeal(Head,
            Draft(DocumentKind.CitizenAppeal), new DateOnly(2026, 4, 30), "reason", Friday20March, Kz)).Reason);
    }

    [Fact]
    public void Appeal_outside_competence_is_forwarded_within_three_working_days_and_arrives_as_an_appeal()
    {
        var appeal = Appeal(Wednesday);
        // Thu 5, Fri 6 and Tue 10 Mar (Mon 9 Mar is off) are the three working days.
        var lastDay = new DateTimeOffset(2026, 3, 10, 17, 0, 0, Almaty);

        var forwarded = DocumentRules.ForwardAppeal(Registrar, appeal, AgencyB, "land issues are the akimat's", lastDay, Kz);
        var after = appeal.Then(forwarded);
        Assert.Equal(DocumentStatus.Sent, after.Status);
        Assert.Equal("land issues are the akimat's", Assert.Single(after.Deliveries).Reason);

        var delivered = DocumentRules.Deliver(forwarded, "doc-fw-1", lastDay.AddMinutes(1));
        var copy = Document.From(delivered, lastDay.AddMinutes(1), 1);
        Assert.Equal((DocumentKind.CitizenAppeal, "Ivanov I.", AgencyB), (copy.Kind, copy.Correspondent, copy.AgencyId));
        Assert.Equal(DocumentStatus.AwaitingRegistration, copy.Status);

        Assert.Equal("APPEAL_FORWARDED", Assert.Throws<FailedPreconditionException>(() =>
            DocumentRules.ExtendAppeal(Head, after, new DateOnly(2026, 4, 30), "reason", lastDay, Kz)).Reason);
    }

    [Fact]
    public void Forwarding_after_three_working_days_is_refused()
    {
        var error = Assert.Throws<FailedPreconditionException>(() => DocumentRules.ForwardAppeal(Head, Appeal(Wednesday), AgencyB,
            "not ours", new DateTimeOffset(2026, 3, 11, 9, 0, 0, Almaty), Kz));
        Assert.Equal(("FORWARD_DEADLINE_PASSED", "doc-appeal"), (error.Reason, error.Subject));
    }

    [Fact]
    public void Forwarding_needs_a_reason_and_another_agency()
    {
        var error = Assert.Throws<InvalidArgumentException>(() =>
            DocumentRules.ForwardAppeal(Head, Appeal(Wednesday), AgencyA, null, Wednesday, Kz));
        Assert.Equal(["to_agency_id", "reason"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Executors_do_not_forward_appeals()
    {
        Assert.Throws<PermissionDeniedException>(() =>
            DocumentRules.ForwardAppeal(Author, Appeal(Wednesday), AgencyB, "not ours", Wednesday, Kz));
    }

    [Fact]
    public void Forwarded_appeal_runs_its_own_term_from_the_new_bodys_receipt()
    {
        var forwarded = DocumentRules.ForwardAppeal(Registrar, Appeal(Wednesday), AgencyB, "not ours", Wednesday, Kz);
        var arrival = new DateTimeOffset(2026, 3, 5, 9, 0, 0, Almaty);
        var copy = Document.From(DocumentRules.Deliver(forwarded, "doc-fw-1", arrival), arrival, 1);

        var registered = copy.Then(DocumentRules.Register(RegistrarB, copy, Journal(AgencyB), 0, arrival, Kz));

        Assert.Equal(Kz.AddWorkingDays(new DateOnly(2026, 3, 5), 15), registered.DueDate);
    }
}
