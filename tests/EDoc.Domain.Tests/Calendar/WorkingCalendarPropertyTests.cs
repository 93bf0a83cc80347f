using EDoc.Domain.Calendar;
using FsCheck.Xunit;

namespace EDoc.Domain.Tests.Calendar;

/// <summary>Arithmetic laws of working days, over 2024–2028 so that years with and without data both take part.</summary>
public class WorkingCalendarPropertyTests
{
    private const int MaxTerm = 70; // a little over the 2-month ceiling of an extended appeal
    private static readonly WorkingCalendar Kz = WorkingCalendar.Kazakhstan;
    private static readonly int FirstDay = new DateOnly(2024, 1, 1).DayNumber;
    private static readonly int LastDay = new DateOnly(2028, 12, 31).DayNumber;

    [Property(MaxTest = 500)]
    public void Deadline_is_a_working_day_exactly_that_many_working_days_after_registration(int dayPick, int daysPick)
    {
        var start = Day(dayPick);
        var days = Pick(daysPick, MaxTerm + 1);

        var due = Kz.AddWorkingDays(start, days);

        Assert.True(Kz.IsWorkingDay(due));
        Assert.Equal(days, Kz.WorkingDaysBetween(Kz.NextWorkingDay(start), due));
    }

    [Property(MaxTest = 500)]
    public void From_a_working_day_the_deadline_is_that_many_working_days_later(int dayPick, int daysPick)
    {
        var start = Kz.NextWorkingDay(Day(dayPick));
        var days = 1 + Pick(daysPick, MaxTerm);

        Assert.Equal(days, Kz.WorkingDaysBetween(start, Kz.AddWorkingDays(start, days)));
    }

    [Property(MaxTest = 500)]
    public void Longer_terms_and_later_starts_never_give_earlier_deadlines(int dayPick, int laterPick, int daysPick, int moreDaysPick)
    {
        var start = Day(dayPick);
        var laterStart = start.AddDays(Pick(laterPick, 30));
        var days = Pick(daysPick, MaxTerm);
        var moreDays = days + 1 + Pick(moreDaysPick, 10);

        Assert.True(Kz.AddWorkingDays(start, days) < Kz.AddWorkingDays(start, moreDays));
        Assert.True(Kz.AddWorkingDays(start, days) <= Kz.AddWorkingDays(laterStart, days));
    }

    [Property(MaxTest = 500)]
    public void One_more_working_day_is_the_next_working_day_after_the_deadline(int dayPick, int daysPick)
    {
        var start = Day(dayPick);
        var days = Pick(daysPick, MaxTerm);

        Assert.Equal(Kz.NextWorkingDay(Kz.AddWorkingDays(start, days).AddDays(1)), Kz.AddWorkingDays(start, days + 1));
    }

    [Property(MaxTest = 500)]
    public void Next_working_day_skips_only_non_working_days(int dayPick)
    {
        var day = Day(dayPick);

        var next = Kz.NextWorkingDay(day);

        Assert.True(Kz.IsWorkingDay(next));
        Assert.Equal(next, Kz.NextWorkingDay(next));
        for (var skipped = day; skipped < next; skipped = skipped.AddDays(1))
        {
            Assert.False(Kz.IsWorkingDay(skipped));
        }
    }

    [Property(MaxTest = 500)]
    public void Working_days_between_adds_up_and_flips_sign(int aPick, int bPick, int cPick)
    {
        var (a, b, c) = (Day(aPick), Day(bPick), Day(cPick));

        Assert.Equal(Kz.WorkingDaysBetween(a, c), Kz.WorkingDaysBetween(a, b) + Kz.WorkingDaysBetween(b, c));
        Assert.Equal(-Kz.WorkingDaysBetween(a, b), Kz.WorkingDaysBetween(b, a));
        Assert.InRange(Math.Abs(Kz.WorkingDaysBetween(a, b)), 0, Math.Abs(b.DayNumber - a.DayNumber));
    }

    [Property(MaxTest = 300)]
    public void Without_data_a_week_has_five_working_days(int dayPick)
    {
        var noData = new WorkingCalendar([]);
        var day = Day(dayPick);

        Assert.Equal(5, noData.WorkingDaysBetween(day, day.AddDays(7)));
    }

    private static DateOnly Day(int generated) => DateOnly.FromDayNumber(FirstDay + Pick(generated, LastDay - FirstDay + 1));

    private static int Pick(int generated, int count) => (int)(((long)generated % count + count) % count);
}
