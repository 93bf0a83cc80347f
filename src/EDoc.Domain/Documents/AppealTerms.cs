using EDoc.Domain.Calendar;

namespace EDoc.Domain.Documents;

/// <summary>
/// The terms of a citizen's appeal under the Administrative Procedural Code (arts. 63, 76, 91), all counted in
/// Kazakhstan working days from the day of receipt, so a late registration can never eat into the applicant's term.
/// </summary>
public static class AppealTerms
{
    /// <summary>Working days the body has to answer (art. 76).</summary>
    public const int AnswerWorkingDays = 15;

    /// <summary>The whole term, extension included, may reach at most this many months (art. 76).</summary>
    public const int MaxTermMonths = 2;

    /// <summary>Working days within which the applicant must be told of an extension.</summary>
    public const int NotifyWorkingDays = 3;

    /// <summary>Working days within which an appeal outside the body's competence must be forwarded.</summary>
    public const int ForwardWorkingDays = 3;

    /// <summary>The day the term starts: the day of receipt, or the next working day when received on a day off (art. 63).</summary>
    public static DateOnly TermStart(DateOnly receivedOn, WorkingCalendar calendar) => calendar.NextWorkingDay(receivedOn);

    /// <summary>The day the answer is due: 15 working days after the term starts.</summary>
    public static DateOnly AnswerDue(DateOnly receivedOn, WorkingCalendar calendar) => calendar.AddWorkingDays(receivedOn, AnswerWorkingDays);

    /// <summary>The latest due date an extension may set: two months after the term starts, "up to 2 months in all".</summary>
    public static DateOnly LatestExtendedDue(DateOnly receivedOn, WorkingCalendar calendar) =>
        TermStart(receivedOn, calendar).AddMonths(MaxTermMonths);

    /// <summary>The last day an appeal may be forwarded to the competent body: 3 working days after the term starts.</summary>
    public static DateOnly ForwardDeadline(DateOnly receivedOn, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(receivedOn, ForwardWorkingDays);

    /// <summary>The last day to tell the applicant of an extension decided on <paramref name="decidedOn"/>.</summary>
    public static DateOnly NotifyApplicantBy(DateOnly decidedOn, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(decidedOn, NotifyWorkingDays);
}
