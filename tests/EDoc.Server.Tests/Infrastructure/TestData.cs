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

    /// <summary>A valid IIN.</summary>
    public static string Iin() => Domain.Identity.Iin.Create(new DateOnly(1990, 5, 17), Sex.Female, Random.Shared.Next(Domain.Identity.Iin.MaxSerial)).Value;

    /// <summary>A valid BIN of a resident head office.</summary>
    public static string Bin() =>
        Domain.Identity.Bin.Create(2001, 3, BinEntityType.ResidentLegalEntity, BinAttribute.HeadOffice, Random.Shared.Next(Domain.Identity.Bin.MaxSerial)).Value;

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
