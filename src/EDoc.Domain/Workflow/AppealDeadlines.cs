using EDoc.Domain.Calendar;

namespace EDoc.Domain.Workflow;

/// <summary>
/// Terms of a citizen's appeal under the Administrative Procedural Code (arts. 63, 76, 91): registration on the day
/// of receipt or the next working day, an answer within 15 working days, an extension up to 2 months in all with
/// the applicant told within 3 working days, and forwarding to the competent body within 3 working days. A missed
/// term counts as a refusal, so every one of them is computed here, never by hand.
/// </summary>
public static class AppealDeadlines
{
    /// <summary>Working days for the answer.</summary>
    public const int AnswerWorkingDays = 15;

    /// <summary>Calendar months an extended term may reach in all, counted from registration.</summary>
    public const int MaxExtendedMonths = 2;

    /// <summary>Working days to tell the applicant about an extension.</summary>
    public const int NotifyWorkingDays = 3;

    /// <summary>Working days to forward an appeal outside the body's competence.</summary>
    public const int ForwardWorkingDays = 3;

    /// <summary>The day an appeal received at <paramref name="receivedAt"/> is registered: its Almaty date, or the next working day.</summary>
    public static DateOnly RegistrationDay(DateTimeOffset receivedAt, WorkingCalendar calendar) =>
        calendar.NextWorkingDay(calendar.ToAlmatyDate(receivedAt));

    /// <summary>The last day to answer: 15 working days after the registration day.</summary>
    public static DateOnly DueDate(DateTimeOffset receivedAt, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(RegistrationDay(receivedAt, calendar), AnswerWorkingDays);

    /// <summary>The latest an extension may move the answer to: 2 calendar months after the registration day.</summary>
    public static DateOnly MaxExtendedDueDate(DateTimeOffset receivedAt, WorkingCalendar calendar) =>
        RegistrationDay(receivedAt, calendar).AddMonths(MaxExtendedMonths);

    /// <summary>The last day to tell the applicant about an extension decided on <paramref name="extensionDecidedOn"/>.</summary>
    public static DateOnly NotifyApplicantBy(DateOnly extensionDecidedOn, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(extensionDecidedOn, NotifyWorkingDays);

    /// <summary>The last day to forward an appeal registered on <paramref name="registrationDay"/> to the competent body.</summary>
    public static DateOnly ForwardBy(DateOnly registrationDay, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(registrationDay, ForwardWorkingDays);
}
