namespace EDoc.Domain.Calendar;

/// <summary>
/// The official Kazakhstan five-day-week calendar for the years we ship; later years are added as data by an
/// administrator (<see cref="WorkingCalendar.With"/>).
/// </summary>
/// <remarks>
/// Holidays: Law "On holidays in the Republic of Kazakhstan" arts. 1–5. When a holiday falls on a Saturday or
/// Sunday the next working day after the holiday is a day off (Labour Code art. 85), except Orthodox Christmas
/// (7 Jan) and the first day of Kurban Ait, which are days off only when they fall on a weekday. The government
/// (for 2025, the labour ministry by order) may also move days off by a yearly act; only transfers published by
/// the time a year was entered are listed, and later ones are added as data, not code. Weekdays here were
/// checked by code: tests/EDoc.Domain.Tests/Calendar/KazakhstanCalendarSeedTests.cs re-derives every transfer.
/// </remarks>
public static class KazakhstanCalendarSeed
{
    /// <summary>2025, 2026 and 2027, in order.</summary>
    public static IReadOnlyList<CalendarYear> Years { get; } = [Year2025(), Year2026(), Year2027()];

    // 246 working days, 119 days off: the figures the labour ministry published for 2025.
    private static CalendarYear Year2025() => new(
        2025,
        Holidays:
        [
            new(2025, 1, 1), new(2025, 1, 2), // Wed, Thu
            new(2025, 1, 7),                  // Tue, Orthodox Christmas
            new(2025, 3, 8),                  // Sat
            new(2025, 3, 21), new(2025, 3, 22), new(2025, 3, 23), // Fri, Sat, Sun: Nauryz
            new(2025, 5, 1), new(2025, 5, 7), new(2025, 5, 9),    // Thu, Wed, Fri
            new(2025, 6, 6),                  // Fri, first day of Kurban Ait
            new(2025, 7, 6),                  // Sun
            new(2025, 8, 30),                 // Sat
            new(2025, 10, 25),                // Sat
            new(2025, 12, 16),                // Tue
        ],
        ExtraDaysOff:
        [
            new(2025, 1, 3),   // Fri: ministry order of 21 Nov 2024 moved the day off from Sun 5 Jan
            new(2025, 3, 10),  // Mon: 8 Mar is a Saturday
            new(2025, 3, 24),  // Mon: 22 Mar (Nauryz) is a Saturday
            new(2025, 3, 25),  // Tue: 23 Mar (Nauryz) is a Sunday; 24 Mar is already taken
            new(2025, 7, 7),   // Mon: 6 Jul is a Sunday
            new(2025, 9, 1),   // Mon: 30 Aug is a Saturday
            new(2025, 10, 27), // Mon: 25 Oct is a Saturday
        ],
        ExtraWorkingDays:
        [
            new(2025, 1, 5),   // Sun: worked in exchange for Fri 3 Jan
        ]);

    // 246 working days, 119 days off: the figures the labour ministry published for 2026. No decree transfers.
    private static CalendarYear Year2026() => new(
        2026,
        Holidays:
        [
            new(2026, 1, 1), new(2026, 1, 2), // Thu, Fri
            new(2026, 1, 7),                  // Wed, Orthodox Christmas
            new(2026, 3, 8),                  // Sun
            new(2026, 3, 21), new(2026, 3, 22), new(2026, 3, 23), // Sat, Sun, Mon: Nauryz
            new(2026, 5, 1), new(2026, 5, 7), new(2026, 5, 9),    // Fri, Thu, Sat
            new(2026, 5, 27),                 // Wed, first day of Kurban Ait
            new(2026, 7, 6),                  // Mon
            new(2026, 8, 30),                 // Sun
            new(2026, 10, 25),                // Sun
            new(2026, 12, 16),                // Wed
        ],
        ExtraDaysOff:
        [
            new(2026, 3, 9),   // Mon: 8 Mar is a Sunday
            new(2026, 3, 24),  // Tue: 21 Mar (Nauryz) is a Saturday; Mon 23 Mar is itself Nauryz
            new(2026, 3, 25),  // Wed: 22 Mar (Nauryz) is a Sunday; 24 Mar is already taken
            new(2026, 5, 11),  // Mon: 9 May is a Saturday
            new(2026, 8, 31),  // Mon: 30 Aug is a Sunday
            new(2026, 10, 26), // Mon: 25 Oct is a Sunday
        ],
        ExtraWorkingDays: []);

    // Rule-derived only: no decree for 2027 was known when this was entered, and Kurban Ait is the expected
    // date, to be confirmed by the Spiritual Administration of Muslims and the ministry's calendar.
    private static CalendarYear Year2027() => new(
        2027,
        Holidays:
        [
            new(2027, 1, 1), new(2027, 1, 2), // Fri, Sat
            new(2027, 1, 7),                  // Thu, Orthodox Christmas
            new(2027, 3, 8),                  // Mon
            new(2027, 3, 21), new(2027, 3, 22), new(2027, 3, 23), // Sun, Mon, Tue: Nauryz
            new(2027, 5, 1), new(2027, 5, 7), new(2027, 5, 9),    // Sat, Fri, Sun
            new(2027, 5, 16),                 // Sun, first day of Kurban Ait: religious, so no transfer
            new(2027, 7, 6),                  // Tue
            new(2027, 8, 30),                 // Mon
            new(2027, 10, 25),                // Mon
            new(2027, 12, 16),                // Thu
        ],
        ExtraDaysOff:
        [
            new(2027, 1, 4),   // Mon: 2 Jan is a Saturday
            new(2027, 3, 24),  // Wed: 21 Mar (Nauryz) is a Sunday; 22–23 Mar are themselves Nauryz
            new(2027, 5, 3),   // Mon: 1 May is a Saturday
            new(2027, 5, 10),  // Mon: 9 May is a Sunday
        ],
        ExtraWorkingDays: []);
}
