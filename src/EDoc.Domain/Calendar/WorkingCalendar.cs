namespace EDoc.Domain.Calendar;

/// <summary>
/// Working days of the Kazakhstan five-day week, from calendar data per year; every legal deadline counts these.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// A date in a year without data is a working day exactly when it is Monday to Friday: deadlines still come out,
/// just without holidays, and <see cref="HasDataFor"/> lets callers warn that next year's calendar is missing.
/// </remarks>
public sealed class WorkingCalendar
{
    /// <summary>Asia/Almaty, the zone legal deadlines are counted in (UTC+5 for all of Kazakhstan since 1 March 2024).</summary>
    public static readonly TimeZoneInfo AlmatyTimeZone = LoadAlmatyTimeZone();

    /// <summary>The official Kazakhstan calendar for the years in <see cref="KazakhstanCalendarSeed"/>.</summary>
    public static WorkingCalendar Kazakhstan { get; } = new(KazakhstanCalendarSeed.Years);

    private readonly HashSet<int> _years;
    private readonly HashSet<DateOnly> _weekdaysOff;
    private readonly HashSet<DateOnly> _workingWeekendDays;

    /// <summary>Builds a calendar; throws <see cref="ArgumentException"/> on data an administrator most likely mistyped.</summary>
    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);

        var normalized = new List<CalendarYear>();
        _years = [];
        _weekdaysOff = [];
        _workingWeekendDays = [];
        foreach (var year in years.OrderBy(y => y.Year))
        {
            ArgumentNullException.ThrowIfNull(year, nameof(years));
            if (!_years.Add(year.Year)) throw new ArgumentException($"The year {year.Year} is given twice.", nameof(years));

            var checkedYear = Validate(year);
            normalized.Add(checkedYear);
            _weekdaysOff.UnionWith(checkedYear.Holidays.Concat(checkedYear.ExtraDaysOff).Where(d => !IsWeekend(d)));
            _workingWeekendDays.UnionWith(checkedYear.ExtraWorkingDays);
        }
        Years = normalized;
    }

    /// <summary>The years this calendar has data for, in order, with sorted and de-duplicated dates.</summary>
    public IReadOnlyList<CalendarYear> Years { get; }

    /// <summary>Whether the calendar knows the holidays of <paramref name="year"/>; without them only weekends count as days off.</summary>
    public bool HasDataFor(int year) => _years.Contains(year);

    /// <summary>A new calendar with <paramref name="year"/> added, or replacing the data for the same year.</summary>
    public WorkingCalendar With(CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new WorkingCalendar(Years.Where(y => y.Year != year.Year).Append(year));
    }

    /// <summary>Whether staff work on <paramref name="day"/>: Monday to Friday unless a holiday or a day off, plus weekend days made working.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        IsWeekend(day) ? _workingWeekendDays.Contains(day) : !_weekdaysOff.Contains(day);

    /// <summary>The first working day on or after <paramref name="day"/>: where something received on a non-working day is registered (APPK).</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>The last working day before <paramref name="day"/>: the Friday before a Monday, the day before a holiday's eve.</summary>
    public DateOnly PreviousWorkingDay(DateOnly day)
    {
        do day = day.AddDays(-1);
        while (!IsWorkingDay(day));
        return day;
    }

    /// <summary>
    /// The last day of a term of <paramref name="days"/> working days that starts on <paramref name="start"/>: counting
    /// begins at <c>NextWorkingDay(start)</c>, which itself is not counted, so 0 gives that day and an appeal received on
    /// <c>r</c> is due <c>AddWorkingDays(r, 15)</c> even when <c>r</c> is a Saturday.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        var day = NextWorkingDay(start);
        for (var counted = 0; counted < days; counted++)
        {
            day = NextWorkingDay(day.AddDays(1));
        }
        return day;
    }

    /// <summary>
    /// How many working days lie in (<paramref name="from"/>, <paramref name="to"/>]; when <paramref name="to"/> is
    /// earlier the count of (<paramref name="to"/>, <paramref name="from"/>] negated, so swapping the arguments flips the sign.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);

        var count = 0;
        // Day numbers, not AddDays, so a range ending at DateOnly.MaxValue does not overflow.
        for (var dayNumber = from.DayNumber + 1; dayNumber <= to.DayNumber; dayNumber++)
        {
            if (IsWorkingDay(DateOnly.FromDayNumber(dayNumber))) count++;
        }
        return count;
    }

    /// <summary>The calendar date in Almaty at <paramref name="instant"/>, the day a receipt or deadline belongs to.</summary>
    public DateOnly ToAlmatyDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, AlmatyTimeZone).DateTime);

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static CalendarYear Validate(CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year.Holidays, nameof(year.Holidays));
        ArgumentNullException.ThrowIfNull(year.ExtraDaysOff, nameof(year.ExtraDaysOff));
        ArgumentNullException.ThrowIfNull(year.ExtraWorkingDays, nameof(year.ExtraWorkingDays));

        foreach (var day in year.Holidays.Concat(year.ExtraDaysOff).Concat(year.ExtraWorkingDays))
        {
            if (day.Year != year.Year) throw Mistake(year, $"{day:yyyy-MM-dd} is not in {year.Year}");
        }
        // A weekend day off or a weekday made working changes nothing, so it is a typo for another date.
        foreach (var day in year.ExtraDaysOff)
        {
            if (IsWeekend(day)) throw Mistake(year, $"extra day off {day:yyyy-MM-dd} is a {day.DayOfWeek}, already a day off");
        }
        foreach (var day in year.ExtraWorkingDays)
        {
            if (!IsWeekend(day)) throw Mistake(year, $"extra working day {day:yyyy-MM-dd} is a {day.DayOfWeek}, already a working day");
            if (year.Holidays.Contains(day)) throw Mistake(year, $"{day:yyyy-MM-dd} is both a holiday and a working day");
        }

        return new CalendarYear(year.Year, Sorted(year.Holidays), Sorted(year.ExtraDaysOff), Sorted(year.ExtraWorkingDays));
    }

    private static IReadOnlyList<DateOnly> Sorted(IEnumerable<DateOnly> days) => days.Distinct().Order().ToArray().AsReadOnly();

    private static ArgumentException Mistake(CalendarYear year, string what) =>
        new($"Calendar data for {year.Year}: {what}.", nameof(year));

    // Without tzdata (slim container images) or with tzdata older than 2024a, which still says UTC+6, the system
    // zone would be missing or wrong for every current deadline; a fixed UTC+5 zone is right for all dates since
    // 1 March 2024 and off by an hour only for older instants.
    private static TimeZoneInfo LoadAlmatyTimeZone()
    {
        var utcPlusFive = TimeSpan.FromHours(5);
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
            if (zone.GetUtcOffset(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)) == utcPlusFive) return zone;
        }
        catch (TimeZoneNotFoundException)
        {
        }
        catch (InvalidTimeZoneException)
        {
        }
        return TimeZoneInfo.CreateCustomTimeZone("Asia/Almaty", utcPlusFive, "Almaty (UTC+05:00)", "Almaty");
    }
}
