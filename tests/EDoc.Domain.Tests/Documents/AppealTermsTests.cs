using EDoc.Domain.Documents;
using EDoc.Domain.Workflow;
using static EDoc.Domain.Tests.Workflow.Routing;

namespace EDoc.Domain.Tests.Documents;

public class AppealTermsTests
{
    [Fact]
    public void Appeal_received_on_the_friday_before_nauryz_is_due_on_15_april()
    {
        // 21–25 Mar 2026 are off; Thu 26 Mar is working day 1, Wed 15 Apr is day 15.
        var received = At(2026, 3, 20, hour: 17);

        Assert.Equal(new DateOnly(2026, 3, 20), AppealTerms.TermStart(Kz.ToAlmatyDate(received), Kz));
        Assert.Equal(new DateOnly(2026, 4, 15), AppealTerms.AnswerDue(Kz.ToAlmatyDate(received), Kz));
    }

    [Fact]
    public void Appeal_received_late_friday_evening_utc_is_registered_after_the_holidays()
    {
        // 18:30 UTC on Fri 20 Mar is 23:30 in Almaty, still Friday; 19:30 UTC is already Saturday there.
        Assert.Equal(new DateOnly(2026, 4, 15), AppealTerms.AnswerDue(Kz.ToAlmatyDate(new DateTimeOffset(2026, 3, 20, 18, 30, 0, TimeSpan.Zero)), Kz));
        var saturday = new DateTimeOffset(2026, 3, 20, 19, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 3, 26), AppealTerms.TermStart(Kz.ToAlmatyDate(saturday), Kz));
        Assert.Equal(new DateOnly(2026, 4, 16), AppealTerms.AnswerDue(Kz.ToAlmatyDate(saturday), Kz));
    }

    [Fact]
    public void Appeal_received_on_new_years_eve_is_due_on_26_january()
    {
        // Wed 31 Dec 2025: 1–4 Jan off, 5 (1), 6 (2), 7 Christmas, 8–9 (3–4), 12–16 (5–9), 19–23 (10–14), Mon 26 (15).
        Assert.Equal(new DateOnly(2026, 1, 26), AppealTerms.AnswerDue(Kz.ToAlmatyDate(At(2025, 12, 31)), Kz));
    }

    [Fact]
    public void Appeal_received_before_nauryz_2025_is_due_on_15_april()
    {
        // Thu 20 Mar 2025: 21–25 Mar off (Nauryz and its transfers), 26–28 (1–3), 31 Mar–4 Apr (4–8), 7–11 (9–13), 14–15 (14–15).
        Assert.Equal(new DateOnly(2025, 4, 15), AppealTerms.AnswerDue(Kz.ToAlmatyDate(At(2025, 3, 20)), Kz));
    }

    [Fact]
    public void Appeal_received_on_a_holiday_is_registered_on_the_next_working_day()
    {
        // Thu 1 Jan 2026 → registered Mon 5 Jan, which is not counted: 6 (1), 7 Christmas, 8–9 (2–3), 12–16 (4–8),
        // 19–23 (9–13), 26 (14), Tue 27 (15): one day later than an appeal received the working day before.
        Assert.Equal(new DateOnly(2026, 1, 5), AppealTerms.TermStart(Kz.ToAlmatyDate(At(2026, 1, 1)), Kz));
        Assert.Equal(new DateOnly(2026, 1, 27), AppealTerms.AnswerDue(Kz.ToAlmatyDate(At(2026, 1, 1)), Kz));
    }

    [Fact]
    public void Extension_reaches_at_most_two_calendar_months_after_registration()
    {
        Assert.Equal(new DateOnly(2026, 5, 20), AppealTerms.LatestExtendedDue(Kz.ToAlmatyDate(At(2026, 3, 20)), Kz));
        Assert.Equal(new DateOnly(2026, 5, 26), AppealTerms.LatestExtendedDue(Kz.ToAlmatyDate(At(2026, 3, 21)), Kz)); // registered Thu 26 Mar
        Assert.Equal(new DateOnly(2026, 2, 28), AppealTerms.LatestExtendedDue(Kz.ToAlmatyDate(At(2025, 12, 31)), Kz)); // no 31 February
    }

    [Fact]
    public void Applicant_is_told_of_an_extension_within_3_working_days()
    {
        // Thu 19 Mar 2026: Fri 20 (1), 21–25 off, Thu 26 (2), Fri 27 (3).
        Assert.Equal(new DateOnly(2026, 3, 27), AppealTerms.NotifyApplicantBy(new DateOnly(2026, 3, 19), Kz));
    }

    [Fact]
    public void Appeal_outside_competence_is_forwarded_within_3_working_days()
    {
        Assert.Equal(new DateOnly(2026, 1, 8), AppealTerms.ForwardDeadline(new DateOnly(2025, 12, 31), Kz));
        // Thu 20 Mar 2025: 21 Nauryz, 22–23 weekend, 24–25 transferred days off, Wed 26 (1), Thu 27 (2), Fri 28 (3).
        Assert.Equal(new DateOnly(2025, 3, 28), AppealTerms.ForwardDeadline(new DateOnly(2025, 3, 20), Kz));
    }

    [Fact]
    public void Due_date_is_always_15_working_days_after_a_working_registration_day()
    {
        for (var day = new DateOnly(2025, 1, 1); day.Year < 2027; day = day.AddDays(1))
        {
            var received = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(5));
            var registered = AppealTerms.TermStart(Kz.ToAlmatyDate(received), Kz);
            var due = AppealTerms.AnswerDue(Kz.ToAlmatyDate(received), Kz);

            Assert.True(Kz.IsWorkingDay(registered) && Kz.IsWorkingDay(due), $"{day}");
            Assert.Equal(15, Kz.WorkingDaysBetween(registered, due));
            Assert.True(due < AppealTerms.LatestExtendedDue(Kz.ToAlmatyDate(received), Kz), $"{day}");
        }
    }
}
