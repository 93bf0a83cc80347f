using System.Security.Cryptography;
using System.Text;
using EDoc.Contracts.V1;

namespace EDoc.Contracts.Demo;

/// <summary>
/// The demo directory, written as API requests so that the server's first-start seed and `edoc seed-demo`
/// send exactly the same thing. Request ids derive from the content keys, so seeding twice changes nothing.
/// IINs and BINs are synthetic but carry valid check digits.
/// </summary>
public static class DemoDirectory
{
    /// <summary>Password of every demo employee except the admin (whose password is chosen or generated at first start).</summary>
    public const string EmployeePassword = "Demo-2026-edoc";

    /// <summary>Username of the system administrator.</summary>
    public const string AdminUsername = "admin";

    /// <summary>The agencies: a city akimat, a ministry, the public service centre operator and a second akimat.</summary>
    public static IReadOnlyList<CreateAgencyRequest> Agencies { get; } =
    [
        Agency("shymkent-akimat", "990340000014", "Шымкент қаласының әкімдігі", "Акимат города Шымкент", "Shymkent City Akimat"),
        Agency("mdai", "050140000011",
            "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі",
            "Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан",
            "Ministry of Digital Development, Innovations and Aerospace Industry of the Republic of Kazakhstan"),
        Agency("gov4c", "160240000018", "«Азаматтарға арналған үкімет» мемлекеттік корпорациясы",
            "Государственная корпорация «Правительство для граждан»", "State Corporation \"Government for Citizens\""),
        Agency("almaty-akimat", "070440000016", "Алматы қаласының әкімдігі", "Акимат города Алматы", "Almaty City Akimat"),
    ];

    /// <summary>Org units of the demo agencies.</summary>
    public static IReadOnlyList<CreateOrgUnitRequest> OrgUnits { get; } =
    [
        Unit("shymkent-office", "shymkent-akimat", "Әкім аппараты", "Аппарат акима", "Akim's Office"),
        Unit("shymkent-records", "shymkent-akimat", "Құжаттамалық қамтамасыз ету бөлімі", "Отдел документационного обеспечения",
            "Records Management Division"),
        Unit("shymkent-education", "shymkent-akimat", "Білім басқармасы", "Управление образования", "Department of Education"),
        Unit("mdai-egov", "mdai", "Электрондық үкімет департаменті", "Департамент электронного правительства",
            "E-Government Department"),
        Unit("mdai-audit", "mdai", "Ішкі аудит қызметі", "Служба внутреннего аудита", "Internal Audit Service"),
        Unit("gov4c-al-farabi", "gov4c", "Әл-Фараби ауданының халыққа қызмет көрсету орталығы",
            "Центр обслуживания населения Аль-Фарабийского района", "Al-Farabi District Public Service Centre"),
        Unit("gov4c-training", "gov4c", "Оқыту орталығы", "Учебный центр", "Training Centre"),
        Unit("almaty-office", "almaty-akimat", "Әкім аппараты", "Аппарат акима", "Akim's Office"),
    ];

    /// <summary>Employees in creation order (supervisors first), holding every staff role between them.</summary>
    public static IReadOnlyList<Employee> Employees { get; } =
    [
        Employee("admin", "admin", "Серікбаев Нұрлан Асқарұлы", "800312300013", "Бас жүйелік әкімші", "mdai", "mdai-egov", "", Role.Admin),
        Employee("mdai-auditor", "mdai.auditor", "Жұмабекова Айгүл Маратқызы", "900704400011", "Ішкі аудитор", "mdai", "mdai-audit", "", Role.Auditor),
        Employee("mdai-head", "mdai.head", "Әбілов Дәурен Қайратұлы", "781125300013", "Департамент директоры", "mdai", "mdai-egov", "", Role.Head),
        Employee("mdai-admin", "mdai.admin", "Оспанова Мадина Ерланқызы", "920219400019", "Бас сарапшы", "mdai", "mdai-egov", "", Role.AgencyAdmin),
        Employee("shym-head", "shym.head", "Нұрмағамбетов Ерлан Бекұлы", "750530300017", "Әкім аппаратының басшысы", "shymkent-akimat", "shymkent-office", "", Role.Head),
        Employee("shym-admin", "shym.admin", "Төлеуов Бауыржан Сәкенұлы", "880101300010", "Жүйелік әкімші", "shymkent-akimat", "shymkent-office", "shym-head", Role.AgencyAdmin),
        Employee("shym-registrar", "shym.registrar", "Қасымова Гүлнар Серікқызы", "950811400012", "Тіркеуші", "shymkent-akimat", "shymkent-records", "shym-head", Role.Registrar),
        Employee("shym-executor", "shym.executor", "Байжанов Арман Талғатұлы", "860917300013", "Бас маман", "shymkent-akimat", "shymkent-education", "shym-head", Role.Executor),
        Employee("shym-executor2", "shym.executor2", "Сейітова Жанар Әділқызы", "970423400017", "Жетекші маман", "shymkent-akimat", "shymkent-education", "shym-head", Role.Executor),
        Employee("shym-auditor", "shym.auditor", "Ибрагимов Тимур Рустемұлы", "830101300011", "Бақылау бөлімінің маманы", "shymkent-akimat", "shymkent-office", "shym-head", Role.Auditor),
        Employee("shym-trainer", "shym.trainer", "Ахметова Сәуле Болатқызы", "910606400010", "Кадр қызметінің басшысы", "shymkent-akimat", "shymkent-office", "shym-head", Role.Trainer),
        Employee("shym-trainee", "shym.trainee", "Мұратов Ділшат Нұрланұлы", "990121300012", "Маман", "shymkent-akimat", "shymkent-education", "shym-executor", Role.Trainee, Role.Executor),
        Employee("gov4c-head", "gov4c.head", "Құдайбергенова Ботагөз Ахметқызы", "790228400019", "ХҚКО басшысы", "gov4c", "gov4c-al-farabi", "", Role.Head),
        Employee("gov4c-admin", "gov4c.admin", "Есенова Әсем Қанатқызы", "930314400017", "Жүйелік әкімші", "gov4c", "gov4c-al-farabi", "gov4c-head", Role.AgencyAdmin),
        Employee("gov4c-operator", "gov4c.operator", "Омаров Санжар Ержанұлы", "870808300012", "ХҚКО операторы", "gov4c", "gov4c-al-farabi", "gov4c-head", Role.Registrar, Role.Executor),
        Employee("gov4c-trainee", "gov4c.trainee", "Жақсылықов Айдос Серікұлы", "000515500012", "Стажер", "gov4c", "gov4c-training", "gov4c-head", Role.Trainee),
        Employee("alm-head", "alm.head", "Бекмұхамбетов Асхат Оралұлы", "760402300012", "Әкім аппаратының басшысы", "almaty-akimat", "almaty-office", "", Role.Head),
        Employee("alm-admin", "alm.admin", "Смағұлова Динара Асланқызы", "840402400016", "Жүйелік әкімші", "almaty-akimat", "almaty-office", "alm-head", Role.AgencyAdmin),
        Employee("alm-registrar", "alm.registrar", "Тоқтаров Ержан Маратұлы", "960725300010", "Тіркеуші", "almaty-akimat", "almaty-office", "alm-head", Role.Registrar),
        Employee("alm-executor", "alm.executor", "Рахимова Әйгерім Дәулетқызы", "890910400017", "Бас маман", "almaty-akimat", "almaty-office", "alm-head", Role.Executor),
    ];

    /// <summary>The citizen channel's API key (the eGov portal of the service centre operator).</summary>
    public static CreateApiKeyRequest PortalApiKey { get; } = new()
    {
        RequestId = RequestId("api-key/egov-portal"),
        AgencyId = "gov4c",
        DisplayName = "eGov portal",
        Roles = { Role.Channel },
    };

    /// <summary>The request that creates a demo employee with its password.</summary>
    public static CreateEmployeeRequest CreateRequest(Employee employee, string password) => new()
    {
        RequestId = RequestId("employee/" + employee.Id),
        EmployeeId = employee.Id,
        Employee = employee,
        InitialPassword = password,
    };

    /// <summary>A stable UUID for a demo item, so the seed is idempotent.</summary>
    public static string RequestId(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("edoc-demo/" + key));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    private static CreateAgencyRequest Agency(string id, string bin, string kk, string ru, string en) => new()
    {
        RequestId = RequestId("agency/" + id),
        AgencyId = id,
        Agency = new V1.Agency { Bin = bin, Name = new LocalizedText { Kk = kk, Ru = ru, En = en } },
    };

    private static CreateOrgUnitRequest Unit(string id, string agencyId, string kk, string ru, string en) => new()
    {
        RequestId = RequestId("unit/" + id),
        OrgUnitId = id,
        OrgUnit = new OrgUnit { AgencyId = agencyId, Name = new LocalizedText { Kk = kk, Ru = ru, En = en } },
    };

    private static Employee Employee(string id, string username, string fullName, string iin, string position, string agencyId,
        string unitId, string supervisorId, params Role[] roles) => new()
    {
        Id = id,
        Username = username,
        FullName = fullName,
        Iin = iin,
        Position = position,
        AgencyId = agencyId,
        OrgUnitId = unitId,
        SupervisorId = supervisorId,
        Roles = { roles },
        Active = true,
    };
}
