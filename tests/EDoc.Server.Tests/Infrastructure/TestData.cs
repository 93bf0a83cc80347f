using EDoc.Contracts.Demo;
using EDoc.Domain.Identity;
using Google.Protobuf.WellKnownTypes;

namespace EDoc.Server.Tests.Infrastructure;

/// <summary>Requests with fresh, valid values, so each test owns what it creates.</summary>
internal static class TestData
{
    /// <summary>A password that meets the policy.</summary>
    public const string Password = "Initial-Password-1";

    /// <summary>A new client request id.</summary>
    public static string RequestId() => Guid.NewGuid().ToString("D");

    /// <summary>A username nobody has yet.</summary>
    public static string Username() => "t." + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// A journal index nobody has yet, so the journal's numbers start at 1: 64 random bits, since a suite creates
    /// hundreds of journals in one agency and a shorter draw could repeat.
    /// </summary>
    public static string JournalIndex(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>
    /// Numbers already given out in this test run, seeded with the demo people's and agencies': a test's citizen or
    /// agency must be nobody else's, or a record another test pushed shows up where none is expected.
    /// </summary>
    private static readonly HashSet<string> TakenNumbers =
    [
        .. DemoRegistries.Records.Select(r => r.Iin), .. DemoDirectory.Employees.Select(e => e.Iin), DemoRegistries.UnknownIin,
        .. DemoDirectory.Agencies.Select(a => a.Agency.Bin),
    ];

    /// <summary>A valid IIN no other test and no demo person has (birth dates over 50 years, both sexes).</summary>
    public static string Iin() => Unused(() => Domain.Identity.Iin.Create(new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(50 * 365)),
        Random.Shared.Next(2) == 0 ? Sex.Female : Sex.Male, Random.Shared.Next(Domain.Identity.Iin.MaxSerial + 1)).Value);

    /// <summary>A valid BIN of a resident head office that no other test and no demo agency has.</summary>
    public static string Bin() => Unused(() => Domain.Identity.Bin.Create(2001, 3, BinEntityType.ResidentLegalEntity, BinAttribute.HeadOffice,
        Random.Shared.Next(Domain.Identity.Bin.MaxSerial + 1)).Value);

    /// <summary>Draws until a number not yet taken comes up: random draws from a finite space repeat sooner than one expects.</summary>
    private static string Unused(Func<string> draw)
    {
        lock (TakenNumbers)
        {
            while (true)
            {
                var number = draw();
                if (TakenNumbers.Add(number)) return number;
            }
        }
    }

    /// <summary>The number with its check digit changed, so it is 12 digits and invalid only by the check.</summary>
    public static string WithWrongCheckDigit(string number) => number[..^1] + (char)('0' + (number[^1] - '0' + 1) % 10);

    /// <summary>A request that creates an employee of the agency with the roles.</summary>
    public static CreateEmployeeRequest NewEmployee(string agencyId, params Role[] roles) => new()
    {
        RequestId = RequestId(),
        Employee = new Employee
        {
            AgencyId = agencyId,
            Iin = Iin(),
            FullName = "Сапарова Әлия Нұрланқызы",
            Position = "Маман",
            Username = Username(),
            Roles = { roles.Length == 0 ? [Role.Executor] : roles },
        },
        InitialPassword = Password,
    };

    /// <summary>A request that creates an org unit of the agency, with a generated id.</summary>
    public static CreateOrgUnitRequest NewOrgUnit(string agencyId) => new()
    {
        RequestId = RequestId(),
        OrgUnit = new OrgUnit { AgencyId = agencyId, Name = new LocalizedText { Kk = "Бөлім", Ru = "Отдел", En = "Division" } },
    };

    /// <summary>A request that sets the masked fields of an employee to the values in <paramref name="changes"/>.</summary>
    public static UpdateEmployeeRequest Update(Employee changes, params string[] paths) => new()
    {
        RequestId = RequestId(), Employee = changes, UpdateMask = new FieldMask { Paths = { paths } },
    };
}
