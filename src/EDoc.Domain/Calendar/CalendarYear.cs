namespace EDoc.Domain.Calendar;

/// <summary>
/// One year of the official calendar as data, so an administrator can add next year when the government
/// publishes it. Saturdays and Sundays are days off unless listed in <paramref name="ExtraWorkingDays"/>.
/// </summary>
/// <param name="Year">The calendar year every date below belongs to.</param>
/// <param name="Holidays">Public holidays (non-working by law), including those that fall on a weekend.</param>
/// <param name="ExtraDaysOff">Weekdays made days off: a holiday's weekend transfer (Labour Code art. 85, Law "On holidays" art. 5) or a government/ministry decree.</param>
/// <param name="ExtraWorkingDays">Saturdays or Sundays made working days by decree, in exchange for a day in <paramref name="ExtraDaysOff"/>.</param>
public sealed record CalendarYear(
    int Year,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<DateOnly> ExtraDaysOff,
    IReadOnlyList<DateOnly> ExtraWorkingDays);
