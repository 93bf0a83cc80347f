using EDoc.Domain.Calendar;

namespace EDoc.Domain.Tests.Calendar;

/// <summary>Re-derives the seed from the law, so a mistyped date or a wrong weekday in the data fails here.</summary>
public class KazakhstanCalendarSeedTests
{
    // Law "On holidays in the Republic of Kazakhstan": the fixed-date holidays.
    private static readonly (int Month, int Day)[] FixedHolidays =
        [(1, 1), (1, 2), (1, 7), (3, 8), (3, 21), (3, 22), (3, 23), (5, 1), (5, 7), (5, 9), (7, 6), (8, 30), (10, 25), (12, 16)];

    // Transfers made by a government or ministry act rather than by the weekend rule.
    private static readonly DateOnly[] DecreeDaysOff = [new(2025, 1, 3)];

    public static TheoryData<int, DateOnly> KurbanAit => new()
    {
        { 2025, new DateOnly(2025, 6, 6) },
        { 2026, new DateOnly(2026, 5, 27) },
        { 2027, new DateOnly(2027, 5, 16) },
    };

    [Fact]
    public void Seed_covers_2025_to_2027_in_order()
    {
        Assert.Equal([2025, 2026, 2027], KazakhstanCalendarSeed.Years.Select(y => y.Year));
    }

    [Theory]
    [MemberData(nameof(KurbanAit))]
    public void Holidays_are_the_law_list_plus_the_first_day_of_kurban_ait(int year, DateOnly kurbanAit)
    {
        var expected = FixedHolidays.Select(h => new DateOnly(year, h.Month, h.Day)).Append(kurbanAit).Order();

        Assert.Equal(expected, Seed(year).Holidays.Order());
    }

    [Theory]
    [MemberData(nameof(KurbanAit))]
    public void Extra_days_off_are_the_weekend_transfers_plus_decrees(int year, DateOnly kurbanAit)
    {
        var seed = Seed(year);
        DateOnly[] religious = [new(year, 1, 7), kurbanAit];

        var expected = WeekendTransfers(seed.Holidays, religious).Concat(DecreeDaysOff.Where(d => d.Year == year)).Order();

        Assert.Equal(expected, seed.ExtraDaysOff.Order());
    }

    [Fact]
    public void Only_the_2025_new_year_decree_makes_a_weekend_day_working()
    {
        Assert.Equal([new DateOnly(2025, 1, 5)], KazakhstanCalendarSeed.Years.SelectMany(y => y.ExtraWorkingDays));
        Assert.Equal(DayOfWeek.Sunday, new DateOnly(2025, 1, 5).DayOfWeek);
        Assert.Equal(DayOfWeek.Friday, new DateOnly(2025, 1, 3).DayOfWeek);
    }

    [Theory]
    [InlineData(2025, 246)] // published by the labour ministry: 246 working, 119 days off
    [InlineData(2026, 246)] // published by the labour ministry: 246 working, 119 days off
    [InlineData(2027, 247)] // derived from the rule only
    public void Year_has_the_published_number_of_working_days(int year, int workingDays)
    {
        Assert.Equal(workingDays, WorkingCalendar.Kazakhstan.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
    }

    [Theory]
    [InlineData("2025-03-08", DayOfWeek.Saturday)]
    [InlineData("2025-03-22", DayOfWeek.Saturday)]
    [InlineData("2025-03-23", DayOfWeek.Sunday)]
    [InlineData("2025-07-06", DayOfWeek.Sunday)]
    [InlineData("2025-08-30", DayOfWeek.Saturday)]
    [InlineData("2025-10-25", DayOfWeek.Saturday)]
    [InlineData("2026-01-01", DayOfWeek.Thursday)]
    [InlineData("2026-03-08", DayOfWeek.Sunday)]
    [InlineData("2026-03-21", DayOfWeek.Saturday)]
    [InlineData("2026-03-22", DayOfWeek.Sunday)]
    [InlineData("2026-03-23", DayOfWeek.Monday)]
    [InlineData("2026-05-09", DayOfWeek.Saturday)]
    [InlineData("2026-05-27", DayOfWeek.Wednesday)]
    [InlineData("2026-08-30", DayOfWeek.Sunday)]
    [InlineData("2026-10-25", DayOfWeek.Sunday)]
    [InlineData("2027-01-02", DayOfWeek.Saturday)]
    [InlineData("2027-03-21", DayOfWeek.Sunday)]
    [InlineData("2027-05-01", DayOfWeek.Saturday)]
    [InlineData("2027-05-09", DayOfWeek.Sunday)]
    [InlineData("2027-05-16", DayOfWeek.Sunday)]
    public void Weekdays_named_in_the_seed_comments_are_right(string date, DayOfWeek dayOfWeek)
    {
        Assert.Equal(dayOfWeek, DateOnly.Parse(date).DayOfWeek);
    }

    private static CalendarYear Seed(int year) => KazakhstanCalendarSeed.Years.Single(y => y.Year == year);

    // Labour Code art. 85: a holiday on a Saturday or Sunday makes the next working day after it a day off, one per
    // holiday, in date order; religious holidays do not move.
    private static IEnumerable<DateOnly> WeekendTransfers(IReadOnlyList<DateOnly> holidays, IReadOnlyCollection<DateOnly> religious)
    {
        var taken = new HashSet<DateOnly>();
        foreach (var holiday in holidays.Order())
        {
            if (religious.Contains(holiday) || !IsWeekend(holiday)) continue;

            var dayOff = holiday.AddDays(1);
            while (IsWeekend(dayOff) || holidays.Contains(dayOff) || taken.Contains(dayOff)) dayOff = dayOff.AddDays(1);
            taken.Add(dayOff);
        }
        return taken;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
