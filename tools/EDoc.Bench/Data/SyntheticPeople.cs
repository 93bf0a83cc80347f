using EDoc.Domain.Identity;

namespace EDoc.Bench.Data;

/// <summary>
/// Realistic, valid and unique employee data from a number, so writes and the bulk loader never collide and the
/// server's validation (IIN check digit, username pattern) accepts every one.
/// </summary>
internal static class SyntheticPeople
{
    private static readonly string[] Surnames = ["Ахметов", "Сейітов", "Жұмабеков", "Омаров", "Қасымов", "Нұрланов", "Бекмұханов", "Тоқтаров"];
    private static readonly string[] GivenNames = ["Ерлан", "Айгүл", "Дәурен", "Мадина", "Арман", "Жанар", "Санжар", "Әсем", "Тимур", "Гүлнар"];
    private static readonly string[] Positions = ["Бас маман", "Жетекші маман", "Маман", "Бөлім басшысы"];
    private static readonly DateOnly FirstBirthDate = new(1960, 1, 1);

    /// <summary>A login that matches the server's pattern, under a prefix that keeps sources apart ("bulk", "new").</summary>
    public static string Username(string prefix, long n) => $"bench.{prefix}.{n}";

    /// <summary>A valid IIN: serials 0–8999 of one birth day, then the next day.</summary>
    public static string Iin(long n) =>
        Domain.Identity.Iin.Create(FirstBirthDate.AddDays((int)(n / 9000 % 15000)), n % 2 == 0 ? Sex.Male : Sex.Female, (int)(n % 9000)).Value;

    public static string FullName(long n) => $"{Surnames[n % Surnames.Length]} {GivenNames[n / Surnames.Length % GivenNames.Length]}";

    public static string Position(long n) => Positions[n % Positions.Length];
}
