using System.Globalization;
using EDoc.Domain.Calendar;

namespace EDoc.Domain.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Kz = WorkingCalendar.Kazakhstan;

    [Theory]
    [InlineData("2026-01-01")] // Thu, New Year
    [InlineData("2026-01-02")] // Fri, New Year
    [InlineData("2026-01-03")] // Sat
    [InlineData("2026-01-07")] // Wed, Orthodox Christmas
    [InlineData("2026-03-09")] // Mon: 8 Mar is a Sunday
    [InlineData("2026-03-23")] // Mon, Nauryz
    [InlineData("2026-03-24")] // Tue: for Sat 21 Mar
    [InlineData("2026-03-25")] // Wed: for Sun 22 Mar
    [InlineData("2026-05-01")] // Fri
    [InlineData("2026-05-07")] // Thu
    [InlineData("2026-05-11")] // Mon: 9 May is a Saturday
    [InlineData("2026-05-27")] // Wed, Kurban Ait
    [InlineData("2026-07-06")] // Mon
    [InlineData("2026-08-31")] // Mon: 30 Aug is a Sunday
    [InlineData("2026-10-26")] // Mon: 25 Oct is a Sunday
    [InlineData("2026-12-16")] // Wed
    [InlineData("2025-01-03")] // Fri: decree, for Sun 5 Jan
    [InlineData("2025-03-10")] // Mon: 8 Mar is a Saturday
    [InlineData("2025-06-06")] // Fri, Kurban Ait
    [InlineData("2025-09-01")] // Mon: 30 Aug is a Saturday
    [InlineData("2027-01-04")] // Mon: 2 Jan is a Saturday
    [InlineData("2027-03-24")] // Wed: 21 Mar is a Sunday, 22–23 are Nauryz
    public void Holidays_and_transferred_days_off_are_not_working_days(string date)
    {
        Assert.False(Kz.IsWorkingDay(DateOnly.Parse(date)));
    }

    [Theory]
    [InlineData("2026-01-05")] // Mon after New Year
    [InlineData("2026-01-08")] // Thu after Christmas
    [InlineData("2026-03-10")]
    [InlineData("2026-03-20")] // Fri before Nauryz
    [InlineData("2026-03-26")] // Thu after Nauryz
    [InlineData("2026-05-08")] // Fri between 7 and 9 May: no bridge-day decree for 2026
    [InlineData("2026-05-28")]
    [InlineData("2026-12-31")] // Thu: 31 Dec is not a holiday
    [InlineData("2025-01-05")] // Sun worked by decree for Fri 3 Jan
    [InlineData("2025-01-06")]
    [InlineData("2027-05-17")] // Mon: Kurban Ait on Sun 16 May 2027 moves nothing, it is religious
    [InlineData("2027-01-08")] // Fri: Christmas on Thu 7 Jan 2027
    public void Ordinary_weekdays_and_decreed_weekend_days_are_working_days(string date)
    {
        Assert.True(Kz.IsWorkingDay(DateOnly.Parse(date)));
    }

    [Fact]
    public void Year_without_data_counts_only_weekends_as_days_off()
    {
        Assert.False(Kz.HasDataFor(2030));
        Assert.True(Kz.IsWorkingDay(new DateOnly(2030, 1, 1)));  // Tue; New Year unknown without data
        Assert.False(Kz.IsWorkingDay(new DateOnly(2030, 1, 5))); // Sat
        Assert.True(Kz.HasDataFor(2026));
    }

    [Fact]
    public void Appeal_received_on_friday_before_nauryz_is_due_after_the_holidays()
    {
        // 21–25 Mar 2026 are off; day 1 is Thu 26 Mar, day 15 is Wed 15 Apr.
        Assert.Equal(new DateOnly(2026, 4, 15), Kz.AddWorkingDays(new DateOnly(2026, 3, 20), 15));
    }

    [Fact]
    public void Appeal_received_on_a_nauryz_saturday_is_registered_after_the_holidays_and_due_15_working_days_later()
    {
        var received = new DateOnly(2026, 3, 21);

        var registered = Kz.NextWorkingDay(received);
        var due = Kz.AddWorkingDays(received, 15);

        Assert.Equal(new DateOnly(2026, 3, 26), registered);
        Assert.Equal(new DateOnly(2026, 4, 16), due);
        Assert.Equal(15, Kz.WorkingDaysBetween(registered, due));
    }

    [Fact]
    public void Forwarding_within_3_working_days_spans_new_year_and_christmas()
    {
        // Received Wed 31 Dec 2025: 1–4 Jan off, Mon 5 (1), Tue 6 (2), Wed 7 Christmas, Thu 8 (3).
        Assert.Equal(new DateOnly(2026, 1, 8), Kz.AddWorkingDays(new DateOnly(2025, 12, 31), 3));
    }

    [Fact]
    public void Decreed_working_sunday_counts_towards_a_deadline()
    {
        // Tue 31 Dec 2024: 1–2 Jan New Year, Fri 3 off by decree, Sat 4 off, Sun 5 worked (1), Mon 6 (2),
        // Tue 7 Christmas, Wed 8 (3).
        var lastDayOf2024 = new DateOnly(2024, 12, 31);
        Assert.Equal(new DateOnly(2025, 1, 5), Kz.AddWorkingDays(lastDayOf2024, 1));
        Assert.Equal(new DateOnly(2025, 1, 8), Kz.AddWorkingDays(lastDayOf2024, 3));
    }

    [Fact]
    public void Adding_zero_working_days_gives_the_day_itself_or_the_next_working_day()
    {
        Assert.Equal(new DateOnly(2026, 3, 20), Kz.AddWorkingDays(new DateOnly(2026, 3, 20), 0));
        Assert.Equal(new DateOnly(2026, 3, 26), Kz.AddWorkingDays(new DateOnly(2026, 3, 21), 0));
    }

    [Fact]
    public void Adding_negative_working_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Kz.AddWorkingDays(new DateOnly(2026, 3, 20), -1));
    }

    [Fact]
    public void Next_working_day_of_a_working_day_is_the_same_day()
    {
        Assert.Equal(new DateOnly(2026, 3, 20), Kz.NextWorkingDay(new DateOnly(2026, 3, 20)));
        Assert.Equal(new DateOnly(2026, 1, 5), Kz.NextWorkingDay(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Working_days_between_counts_the_end_but_not_the_start()
    {
        var friday = new DateOnly(2026, 3, 20);
        var thursdayAfterNauryz = new DateOnly(2026, 3, 26);

        Assert.Equal(1, Kz.WorkingDaysBetween(friday, thursdayAfterNauryz));
        Assert.Equal(0, Kz.WorkingDaysBetween(friday, friday));
        Assert.Equal(0, Kz.WorkingDaysBetween(friday, new DateOnly(2026, 3, 25)));
    }

    [Fact]
    public void Working_days_between_is_negative_when_the_end_is_earlier()
    {
        Assert.Equal(-1, Kz.WorkingDaysBetween(new DateOnly(2026, 3, 26), new DateOnly(2026, 3, 20)));
    }

    [Fact]
    public void Working_days_between_handles_the_end_of_time()
    {
        Assert.Equal(0, Kz.WorkingDaysBetween(DateOnly.MaxValue, DateOnly.MaxValue));
        Assert.Equal(1, Kz.WorkingDaysBetween(DateOnly.MaxValue.AddDays(-1), DateOnly.MaxValue)); // 31 Dec 9999 is a Friday
    }

    [Fact]
    public void Almaty_is_utc_plus_five()
    {
        var summer = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var winter = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(5), WorkingCalendar.AlmatyTimeZone.GetUtcOffset(summer));
        Assert.Equal(TimeSpan.FromHours(5), WorkingCalendar.AlmatyTimeZone.GetUtcOffset(winter));
    }

    [Theory]
    [InlineData("2026-03-20T18:59:59+00:00", "2026-03-20")] // 23:59:59 in Almaty: still Friday
    [InlineData("2026-03-20T19:00:00+00:00", "2026-03-21")] // midnight in Almaty: already Saturday
    [InlineData("2026-03-21T00:30:00+06:00", "2026-03-20")] // 23:30 in Almaty, whatever offset the sender used
    [InlineData("2025-12-31T20:00:00+01:00", "2026-01-01")]
    public void Instant_belongs_to_its_almaty_date(string instant, string almatyDate)
    {
        Assert.Equal(DateOnly.Parse(almatyDate), Kz.ToAlmatyDate(DateTimeOffset.Parse(instant)));
    }

    [Fact]
    public void Administrator_adds_a_year_without_changing_the_original_calendar()
    {
        var year2028 = new CalendarYear(2028, Holidays: [new(2028, 1, 3)], ExtraDaysOff: [], ExtraWorkingDays: []);

        var extended = Kz.With(year2028);

        Assert.False(extended.IsWorkingDay(new DateOnly(2028, 1, 3)));
        Assert.True(Kz.IsWorkingDay(new DateOnly(2028, 1, 3)));
        Assert.Equal([2025, 2026, 2027, 2028], extended.Years.Select(y => y.Year));
    }

    [Fact]
    public void Administrator_replaces_a_year_with_a_decree()
    {
        var seed2027 = KazakhstanCalendarSeed.Years.Single(y => y.Year == 2027);
        // A hypothetical decree: Thu 6 May 2027 off, Sat 8 May 2027 worked instead.
        var decreed = seed2027 with
        {
            ExtraDaysOff = [.. seed2027.ExtraDaysOff, new DateOnly(2027, 5, 6)],
            ExtraWorkingDays = [new DateOnly(2027, 5, 8)],
        };

        var replaced = Kz.With(decreed);

        Assert.False(replaced.IsWorkingDay(new DateOnly(2027, 5, 6)));
        Assert.True(replaced.IsWorkingDay(new DateOnly(2027, 5, 8)));
        Assert.False(replaced.IsWorkingDay(new DateOnly(2027, 5, 3))); // the rest of the year is kept
        Assert.True(Kz.IsWorkingDay(new DateOnly(2027, 5, 6)));
        Assert.Equal(3, replaced.Years.Count);
    }

    [Fact]
    public void Calendar_keeps_its_own_copy_of_the_data()
    {
        var holidays = new List<DateOnly> { new(2028, 1, 3) };
        var calendar = new WorkingCalendar([new CalendarYear(2028, holidays, [], [])]);

        holidays.Add(new DateOnly(2028, 1, 4));

        Assert.True(calendar.IsWorkingDay(new DateOnly(2028, 1, 4)));
        Assert.Equal([new DateOnly(2028, 1, 3)], calendar.Years.Single().Holidays);
    }

    public static TheoryData<CalendarYear> MistypedYears => new()
    {
        new CalendarYear(2028, Holidays: [new(2027, 1, 1)], ExtraDaysOff: [], ExtraWorkingDays: []),
        new CalendarYear(2028, Holidays: [], ExtraDaysOff: [new(2028, 1, 1)], ExtraWorkingDays: []), // a Saturday
        new CalendarYear(2028, Holidays: [], ExtraDaysOff: [], ExtraWorkingDays: [new(2028, 1, 3)]), // a Monday
        new CalendarYear(2028, Holidays: [new(2028, 1, 1)], ExtraDaysOff: [], ExtraWorkingDays: [new(2028, 1, 1)]),
    };

    [Theory]
    [MemberData(nameof(MistypedYears))]
    public void Mistyped_calendar_data_is_refused(CalendarYear year)
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkingCalendar([year]));

        Assert.Contains("2028", error.Message);
    }

    [Fact]
    public void The_same_year_twice_is_refused()
    {
        var year = new CalendarYear(2028, [], [], []);

        Assert.Throws<ArgumentException>(() => new WorkingCalendar([year, year]));
    }

    [Theory]
    [InlineData("2026-03-09", "2026-03-06")] // Mon after the 8 March day off (Mon 9 Mar is off too): Fri 6 Mar
    [InlineData("2026-03-26", "2026-03-20")] // the first working day after Nauryz: the Friday before it
    [InlineData("2025-01-06", "2025-01-05")] // Sun 5 Jan 2025 was made a working day
    [InlineData("2026-03-04", "2026-03-03")]
    public void Previous_working_day_skips_weekends_holidays_and_days_off(string day, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), Kz.PreviousWorkingDay(DateOnly.Parse(day, CultureInfo.InvariantCulture)));
}
