using System.Globalization;
using EDoc.Contracts.V1;
using EDoc.Domain.Identity;

namespace EDoc.Contracts.Demo;

/// <summary>
/// The demo state registries and their records, written as API requests like <see cref="DemoDirectory"/>: registry
/// request ids derive from the registry codes and every record is version 1, so seeding twice changes nothing.
/// The citizens are fictional; their IINs are computed with the IIN check-digit algorithm, so they are valid by
/// construction, and none of them belongs to a real person on purpose.
/// </summary>
public static class DemoRegistries
{
    /// <summary>Code of the address register (where citizens are registered to live).</summary>
    public const string Address = "address";

    /// <summary>Code of the criminal records and special records registry.</summary>
    public const string CriminalRecords = "criminal-records";

    /// <summary>Code of the register of rights to real estate.</summary>
    public const string RealEstate = "real-estate";

    /// <summary>Code of the register of mandatory pension contributions.</summary>
    public const string PensionContributions = "pension-contributions";

    /// <summary>Code of the register of individuals' tax debts.</summary>
    public const string TaxDebts = "tax-debts";

    /// <summary>Code of the register of civil servants' completed training courses.</summary>
    public const string Training = "training";

    // Citizens by their number in Citizens below, for the records and the well-known IINs.
    private const int Everything = 0;
    private const int NoRealEstate = 4;
    private const int NoPension = 6;
    private const int Convicted = 8;
    private const int ConvictedToo = 30;
    private const int Debtor = 1;
    private const int PropertyTaxDebtor = 27;
    private const int TransportTaxDebtor = 38;

    /// <summary>The registries with their owners. Each owner alone may push records to its registry.</summary>
    public static IReadOnlyList<CreateRegistryRequest> Registries { get; } =
    [
        Registry(Address, "gov4c", "Адрестік тіркелім", "Адресный регистр", "Address Register"),
        // In reality the Committee on Legal Statistics and Special Accounts of the Prosecutor General's Office keeps it;
        // the demo has no prosecutor's office, so the ministry stands in for it.
        Registry(CriminalRecords, "mdai", "Сотталғандық туралы мәліметтер және арнайы есепке алу тізілімі",
            "Реестр сведений о судимости и специальных учётов", "Criminal Records and Special Records Register"),
        Registry(RealEstate, "gov4c", "Жылжымайтын мүлікке құқықтардың мемлекеттік тізілімі",
            "Государственный реестр прав на недвижимое имущество", "State Register of Rights to Real Estate"),
        Registry(PensionContributions, "gov4c", "Міндетті зейнетақы жарналарының тізілімі",
            "Реестр обязательных пенсионных взносов", "Register of Mandatory Pension Contributions"),
        Registry(TaxDebts, "gov4c", "Жеке тұлғалардың салық берешегі тізілімі",
            "Реестр налоговой задолженности физических лиц", "Register of Individuals' Tax Debts"),
        Registry(Training, "mdai", "Мемлекеттік қызметшілердің біліктілігін арттыру тізілімі",
            "Реестр повышения квалификации государственных служащих", "Register of Civil Servants' Professional Development"),
    ];

    /// <summary>A citizen with a record in every demo registry (no criminal record, no tax debt, a completed course).</summary>
    public static string CitizenWithEverything => Citizens[Everything].Iin;

    /// <summary>A citizen with an address record but no record in the real-estate registry.</summary>
    public static string CitizenWithoutRealEstate => Citizens[NoRealEstate].Iin;

    /// <summary>A citizen with an address record but no record in the pension-contributions registry (a student).</summary>
    public static string CitizenWithoutPensionContributions => Citizens[NoPension].Iin;

    /// <summary>A citizen whose criminal-records record shows a conviction.</summary>
    public static string CitizenWithCriminalRecord => Citizens[Convicted].Iin;

    /// <summary>A citizen whose tax-debts record shows a debt.</summary>
    public static string CitizenWithTaxDebt => Citizens[Debtor].Iin;

    /// <summary>A valid IIN that is in no demo registry.</summary>
    public static string UnknownIin { get; } = ComputeIin(1991, 7, 19, female: false, serial: 9001);

    /// <summary>The citizens: 22 registered in Shymkent, 23 in Almaty.</summary>
    private static IReadOnlyList<Citizen> Citizens { get; } =
    [
        // Shymkent.
        /* 0 */ Person(1988, 3, 14, true, 417, "Әлия Серікқызы Нұрланова", "Шымкент қ., Әл-Фараби ауданы, Тәуке хан даңғылы, 45, 12 пәтер", "12.04.2013"),
        /* 1 */ Person(1979, 11, 2, false, 233, "Қайрат Болатұлы Жұмабеков", "Шымкент қ., Абай ауданы, Жібек жолы көшесі, 17, 4 пәтер", "05.09.2005"),
        /* 2 */ Person(1992, 6, 21, false, 1052, "Сергей Викторович Ким", "г. Шымкент, Аль-Фарабийский район, ул. Казыбек би, 28, кв. 56", "18.02.2016"),
        /* 3 */ Person(1995, 1, 30, true, 871, "Гүлназ Ержанқызы Әбдірахманова", "Шымкент қ., Еңбекші ауданы, Байдібек би даңғылы, 112, 33 пәтер", "03.07.2019"),
        /* 4 */ Person(1983, 8, 9, false, 640, "Нұржан Асқарұлы Оспанов", "Шымкент қ., Қаратау ауданы, Нұрсәт ықшам ауданы, 41 үй, 18 пәтер", "22.11.2010"),
        /* 5 */ Person(1970, 4, 17, true, 305, "Татьяна Николаевна Белова", "г. Шымкент, Абайский район, пр. Момышулы, 9, кв. 71", "14.06.1998"),
        /* 6 */ Person(2001, 9, 12, false, 128, "Ерасыл Нұрланұлы Сәрсенбаев", "Шымкент қ., Тұран ауданы, Тұран ықшам ауданы, Ақжол көшесі, 15 үй", "09.10.2019"),
        /* 7 */ Person(1986, 12, 25, true, 952, "Айгерім Бауыржанқызы Тоқтарова", "Шымкент қ., Әл-Фараби ауданы, Желтоқсан көшесі, 20, 7 пәтер", "30.01.2014"),
        /* 8 */ Person(1975, 2, 11, false, 419, "Бақытжан Серікұлы Әлімқұлов", "Шымкент қ., Еңбекші ауданы, Жандосов көшесі, 58 үй", "17.03.2001"),
        /* 9 */ Person(1990, 7, 3, true, 733, "Ольга Сергеевна Пак", "г. Шымкент, Енбекшинский район, ул. Жандосова, 71, кв. 15", "26.08.2015"),
        /* 10 */ Person(1968, 10, 28, false, 204, "Мұрат Қуанышұлы Исаев", "Шымкент қ., Абай ауданы, Рысқұлов көшесі, 33 үй", "11.05.1995"),
        /* 11 */ Person(1997, 5, 19, true, 386, "Жансая Қайратқызы Мырзахметова", "Шымкент қ., Қаратау ауданы, Асар ықшам ауданы, Шаңырақ көшесі, 7 үй", "02.12.2020"),
        /* 12 */ Person(1984, 3, 7, false, 557, "Дмитрий Александрович Иванов", "г. Шымкент, Аль-Фарабийский район, пр. Тауке хана, 3, кв. 24", "19.09.2009"),
        /* 13 */ Person(1993, 11, 15, true, 662, "Меруерт Талғатқызы Ісләмова", "Шымкент қ., Әл-Фараби ауданы, Ғани Иляев көшесі, 12, 45 пәтер", "07.04.2018"),
        /* 14 */ Person(1959, 1, 26, false, 119, "Өмірзақ Әбдіқадырұлы Құрманов", "Шымкент қ., Еңбекші ауданы, Ташенов көшесі, 40 үй", "20.07.1987"),
        /* 15 */ Person(1999, 8, 30, false, 275, "Ділмұрат Ғаниұлы Үсенов", "Шымкент қ., Тұран ауданы, Тұран ықшам ауданы, Бейбітшілік көшесі, 22 үй", "15.01.2022"),
        /* 16 */ Person(1981, 4, 4, true, 814, "Наталья Владимировна Ли", "г. Шымкент, Каратауский район, мкр. Нурсат, 118, кв. 62", "28.03.2012"),
        /* 17 */ Person(1987, 9, 9, false, 498, "Ерлан Жақсылықұлы Төлегенов", "Шымкент қ., Абай ауданы, Момышұлы даңғылы, 27, 88 пәтер", "10.10.2011"),
        /* 18 */ Person(1994, 2, 14, true, 923, "Динара Асқарқызы Сейітқалиева", "Шымкент қ., Әл-Фараби ауданы, Қонаев бульвары, 6, 19 пәтер", "04.06.2021"),
        /* 19 */ Person(1972, 12, 1, false, 360, "Жаһангер Сұлтанұлы Бектұрсынов", "Шымкент қ., Қаратау ауданы, Тассай ықшам ауданы, Ордабасы көшесі, 11 үй", "25.05.2003"),
        /* 20 */ Person(1989, 6, 6, true, 701, "Сәуле Маратқызы Байтұрсынова", "Шымкент қ., Еңбекші ауданы, Байдібек би даңғылы, 84, 27 пәтер", "13.08.2017"),
        /* 21 */ Person(1996, 10, 10, false, 842, "Андрей Павлович Цой", "г. Шымкент, Туранский район, мкр. Туран, ул. Бейбитшилик, 5", "21.09.2023"),
        // Almaty.
        /* 22 */ Person(1985, 5, 23, true, 591, "Әсел Нұрбекқызы Қасымова", "Алматы қ., Бостандық ауданы, Әл-Фараби даңғылы, 77/8, 105 пәтер", "16.02.2014"),
        /* 23 */ Person(1978, 9, 14, false, 266, "Ринат Маратович Галиев", "г. Алматы, Бостандыкский район, ул. Тимирязева, 42, кв. 7", "01.11.2006"),
        /* 24 */ Person(1991, 12, 3, true, 447, "Анастасия Игоревна Морозова", "г. Алматы, Медеуский район, пр. Достык, 85, кв. 14", "09.07.2018"),
        /* 25 */ Person(1982, 1, 19, false, 738, "Дәурен Ғалымұлы Сүлейменов", "Алматы қ., Алмалы ауданы, Абай даңғылы, 52, 31 пәтер", "27.05.2008"),
        /* 26 */ Person(1998, 7, 27, true, 129, "Аружан Ерболқызы Әміржанова", "Алматы қ., Әуезов ауданы, Ақсай-4 ықшам ауданы, 19, 52 пәтер", "14.10.2021"),
        /* 27 */ Person(1965, 3, 8, false, 572, "Виктор Анатольевич Шевченко", "г. Алматы, Турксибский район, ул. Майлина, 215, кв. 9", "30.04.1991"),
        /* 28 */ Person(1990, 10, 31, false, 803, "Ақжол Серікұлы Нұрғалиев", "Алматы қ., Жетісу ауданы, Райымбек даңғылы, 160, 47 пәтер", "18.12.2015"),
        /* 29 */ Person(1987, 4, 12, true, 315, "Гүлмира Өмірбекқызы Жолдасова", "Алматы қ., Медеу ауданы, Қабанбай батыр көшесі, 101, 8 пәтер", "06.03.2012"),
        /* 30 */ Person(1993, 8, 18, false, 934, "Тимур Ринатович Ахмедов", "г. Алматы, Алатауский район, мкр. Шанырак-2, ул. Жанкожа батыра, 74", "23.06.2020"),
        /* 31 */ Person(1976, 6, 29, true, 226, "Елена Михайловна Ковальчук", "г. Алматы, Алмалинский район, ул. Толе би, 189, кв. 40", "12.09.2002"),
        /* 32 */ Person(2000, 2, 2, true, 658, "Іңкәр Нұрланқызы Мұхамеджанова", "Алматы қ., Наурызбай ауданы, Шұғыла ықшам ауданы, 340/5, 21 пәтер", "05.08.2022"),
        /* 33 */ Person(1980, 11, 11, false, 387, "Ғалымжан Бақытұлы Есенғалиев", "Алматы қ., Бостандық ауданы, Розыбакиев көшесі, 247, 62 пәтер", "19.04.2007"),
        /* 34 */ Person(1973, 7, 7, true, 849, "Светлана Юрьевна Ким", "г. Алматы, Медеуский район, мкр. Самал-2, 58, кв. 23", "02.02.2000"),
        /* 35 */ Person(1995, 9, 25, false, 172, "Бекзат Әділетұлы Қожахметов", "Алматы қ., Әуезов ауданы, Жетісу-2 ықшам ауданы, 64, 17 пәтер", "29.11.2019"),
        /* 36 */ Person(1984, 12, 20, true, 516, "Жұлдыз Қанатқызы Сатыбалдиева", "Алматы қ., Алмалы ауданы, Жамбыл көшесі, 114, 9 пәтер", "08.08.2010"),
        /* 37 */ Person(1961, 5, 5, false, 243, "Николай Петрович Соколов", "г. Алматы, Жетысуский район, мкр. Кулагер, 45, кв. 30", "17.10.1989"),
        /* 38 */ Person(1992, 3, 16, false, 691, "Нұрсұлтан Ерікұлы Әубәкіров", "Алматы қ., Түрксіб ауданы, Сейфуллин даңғылы, 10, 56 пәтер", "11.01.2017"),
        /* 39 */ Person(1988, 8, 8, true, 408, "Мадина Рустамовна Юсупова", "г. Алматы, Ауэзовский район, мкр. Аксай-3А, 62, кв. 11", "24.05.2013"),
        /* 40 */ Person(1977, 2, 28, false, 965, "Серік Төлеуғазыұлы Байжанов", "Алматы қ., Бостандық ауданы, Сәтбаев көшесі, 90, 14 пәтер", "03.03.2004"),
        /* 41 */ Person(1999, 4, 21, true, 337, "Айдана Бекболатқызы Өтегенова", "Алматы қ., Алатау ауданы, Шаңырақ-1 ықшам ауданы, Жанқожа батыр көшесі, 202 үй", "16.07.2023"),
        /* 42 */ Person(1986, 1, 13, false, 779, "Алексей Олегович Ни", "г. Алматы, Бостандыкский район, ул. Манаса, 34, кв. 27", "20.10.2016"),
        /* 43 */ Person(1994, 10, 5, true, 268, "Зарина Ғабитқызы Үмбетова", "Алматы қ., Медеу ауданы, Пушкин көшесі, 38, 6 пәтер", "01.09.2020"),
        /* 44 */ Person(2003, 6, 15, false, 451, "Әлихан Жандосұлы Бекетов", "Алматы қ., Әуезов ауданы, Төле би көшесі, 285, 73 пәтер", "10.02.2024"),
    ];

    // Static initializers run in textual order: Records needs Citizens, and UpsertBatches needs Records.

    /// <summary>
    /// All demo records, version 1: every citizen in the address, criminal-records and tax-debts registries, most in
    /// pension-contributions, some in real-estate and training.
    /// </summary>
    public static IReadOnlyList<RegistryRecord> Records { get; } =
    [
        // Everyone is registered somewhere.
        .. Citizens.Select(c => Record(Address, c, ("address", c.Address), ("registered_since", c.RegisteredSince))),

        // All but two students (6, 44) and a young mother at home (41): months paid, last contribution, total in KZT.
        Pension(0, 176, "05.10.2026", 3390240),
        Pension(1, 302, "05.10.2026", 5560400),
        Pension(2, 126, "10.10.2026", 2961590),
        Pension(3, 102, "10.10.2026", 3416010),
        Pension(4, 245, "05.11.2026", 6307510),
        Pension(5, 246, "15.11.2026", 4997790),
        Pension(7, 201, "24.10.2026", 5047160),
        Pension(8, 251, "20.11.2026", 6417580),
        Pension(9, 146, "05.10.2026", 4041520),
        Pension(10, 285, "25.10.2026", 7118100),
        Pension(11, 99, "24.10.2026", 3372300),
        Pension(12, 246, "20.10.2026", 6761280),
        Pension(13, 140, "25.10.2026", 3482910),
        Pension(14, 240, "25.02.2022", 7608620), // retired at 63
        Pension(15, 77, "25.10.2026", 2179040),
        Pension(16, 289, "10.11.2026", 6741060),
        Pension(17, 186, "28.10.2026", 4138990),
        Pension(18, 110, "24.10.2026", 2024430),
        Pension(19, 302, "24.10.2026", 5428440),
        Pension(20, 165, "25.10.2026", 3759830),
        Pension(21, 121, "10.11.2026", 3885220),
        Pension(22, 187, "15.10.2026", 5333890),
        Pension(23, 276, "28.10.2026", 8487610),
        Pension(24, 140, "24.10.2026", 3223450),
        Pension(25, 269, "24.10.2026", 8059170),
        Pension(26, 100, "27.10.2026", 3865440),
        Pension(27, 255, "20.10.2026", 5009030),
        Pension(28, 142, "15.11.2026", 4184220),
        Pension(29, 183, "25.10.2026", 3510880),
        Pension(30, 155, "05.11.2026", 4240390),
        Pension(31, 320, "27.10.2026", 9183850),
        Pension(32, 65, "27.10.2026", 1759590),
        Pension(33, 240, "28.10.2026", 7624800),
        Pension(34, 251, "10.10.2026", 6528730),
        Pension(35, 119, "25.10.2026", 4252150),
        Pension(36, 196, "27.10.2026", 3943380),
        Pension(37, 297, "25.05.2024", 9305610), // retired at 63
        Pension(38, 130, "28.10.2026", 3865420),
        Pension(39, 185, "10.11.2026", 3383320),
        Pension(40, 306, "15.10.2026", 7398870),
        Pension(42, 187, "25.10.2026", 5849410),
        Pension(43, 134, "24.10.2026", 4115430),

        // The home each owner is registered at: what it is, its cadastral number, the right and when it was registered.
        Property(0, "Пәтер, 3 бөлмелі, жалпы ауданы 82,6 ш.м.", "22:330:012:045:12", "Жеке меншік құқығы", "04.04.2013"),
        Property(1, "Пәтер, 2 бөлмелі, жалпы ауданы 54,3 ш.м.", "22:328:007:117:4", "Жеке меншік құқығы", "29.08.2005"),
        Property(2, "Квартира, 2-комнатная, общая площадь 61,8 кв. м", "22:330:015:208:56", "Право собственности", "11.02.2016"),
        Property(5, "Квартира, 3-комнатная, общая площадь 68,2 кв. м", "22:328:003:094:71", "Общая совместная собственность", "02.06.1998"),
        Property(8, "Тұрғын үй, жалпы ауданы 142,0 ш.м., жер учаскесі 0,0600 га", "22:331:021:058", "Жеке меншік құқығы", "10.03.2001"),
        Property(10, "Тұрғын үй, жалпы ауданы 118,5 ш.м., жер учаскесі 0,0800 га", "22:328:014:033", "Жеке меншік құқығы", "03.05.1995"),
        Property(12, "Квартира, 1-комнатная, общая площадь 42,7 кв. м", "22:330:001:003:24", "Право собственности", "14.09.2009"),
        Property(14, "Тұрғын үй, жалпы ауданы 164,3 ш.м., жер учаскесі 0,1000 га", "22:331:009:040", "Жеке меншік құқығы", "15.07.1987"),
        Property(17, "Пәтер, 4 бөлмелі, жалпы ауданы 96,1 ш.м.", "22:328:011:027:88", "Жеке меншік құқығы", "06.10.2011"),
        Property(22, "Пәтер, 2 бөлмелі, жалпы ауданы 71,4 ш.м.", "20:313:018:077:105", "Жеке меншік құқығы", "10.02.2014"),
        Property(23, "Квартира, 3-комнатная, общая площадь 74,9 кв. м", "20:313:006:042:7", "Право собственности", "25.10.2006"),
        Property(25, "Пәтер, 3 бөлмелі, жалпы ауданы 88,0 ш.м.", "20:311:004:052:31", "Жеке меншік құқығы", "21.05.2008"),
        Property(27, "Квартира, 2-комнатная, общая площадь 48,6 кв. м", "20:315:027:215:9", "Право собственности", "24.04.1991"),
        Property(31, "Квартира, 3-комнатная, общая площадь 66,5 кв. м", "20:311:009:189:40", "Общая совместная собственность", "06.09.2002"),
        Property(34, "Квартира, 4-комнатная, общая площадь 128,3 кв. м", "20:314:002:058:23", "Право собственности", "27.01.2000"),
        Property(40, "Пәтер, 3 бөлмелі, жалпы ауданы 79,2 ш.м.", "20:313:011:090:14", "Жеке меншік құқығы", "26.02.2004"),

        // Everyone has a criminal-records record; two of them show a conviction.
        .. Citizens.Select((c, i) => i switch
        {
            Convicted => Record(CriminalRecords, c, ("status", "Сотталғандығы бар / Имеется судимость"),
                ("article", "ҚР ҚК 190-бабының 2-бөлігі (алаяқтық) / ч. 2 ст. 190 УК РК (мошенничество)"),
                ("date", "14.05.2019"), ("court", "Шымкент қаласының Еңбекші аудандық соты"), ("sentence", "2 жыл бас бостандығын шектеу")),
            ConvictedToo => Record(CriminalRecords, c, ("status", "Сотталғандығы бар / Имеется судимость"),
                ("article", "ч. 2 ст. 188 УК РК (кража)"), ("date", "03.10.2021"),
                ("court", "Алатауский районный суд г. Алматы"), ("sentence", "1 год ограничения свободы")),
            _ => Record(CriminalRecords, c, ("status", "Сотталғандығы жоқ / Судимости не имеет")),
        }),

        // Everyone has a tax-debts record; three of them owe.
        .. Citizens.Select((c, i) => i switch
        {
            Debtor => Record(TaxDebts, c, ("status", "Салық берешегі бар / Имеется налоговая задолженность"), ("amount_kzt", "48215"),
                ("tax", "Жеке тұлғалардың мүлкіне салынатын салық")),
            PropertyTaxDebtor => Record(TaxDebts, c, ("status", "Салық берешегі бар / Имеется налоговая задолженность"), ("amount_kzt", "12640"),
                ("tax", "Налог на имущество физических лиц")),
            TransportTaxDebtor => Record(TaxDebts, c, ("status", "Салық берешегі бар / Имеется налоговая задолженность"), ("amount_kzt", "93870"),
                ("tax", "Көлік құралдарына салынатын салық")),
            _ => Record(TaxDebts, c, ("status", "Салық берешегі жоқ / Налоговая задолженность отсутствует")),
        }),

        // The civil servants among them, with their last completed course.
        Course(0, "Мемлекеттік басқарудағы цифрлық трансформация", 72, "17.10.2025", "ҚР Президенті жанындағы Мемлекеттік басқару академиясы"),
        Course(13, "Мемлекеттік қызмет көрсету стандарттары және азаматтармен жұмыс", 40, "28.03.2026",
            "«Азаматтарға арналған үкімет» мемлекеттік корпорациясының оқыту орталығы"),
        Course(25, "Проектное управление в государственном секторе", 80, "12.06.2025",
            "Академия государственного управления при Президенте Республики Казахстан"),
        Course(29, "Электрондық құжат айналымы және ақпараттық қауіпсіздік", 36, "06.09.2026",
            "ҚР Президенті жанындағы Мемлекеттік басқару академиясы"),
        Course(36, "Противодействие коррупции на государственной службе", 24, "21.11.2025",
            "Академия государственного управления при Президенте Республики Казахстан"),
    ];

    /// <summary>The records in batches of at most 100, as one UpsertRecords stream sends them.</summary>
    public static IReadOnlyList<UpsertRecordsRequest> UpsertBatches { get; } =
        Records.Chunk(100).Select(batch => new UpsertRecordsRequest { Records = { batch } }).ToArray();

    /// <summary>A valid IIN by the domain's own rule (the next serial when one admits no check digit).</summary>
    private static string ComputeIin(int year, int month, int day, bool female, int serial) =>
        Iin.Create(new DateOnly(year, month, day), female ? Sex.Female : Sex.Male, serial).Value;

    private static Citizen Person(int year, int month, int day, bool female, int serial, string fullName, string address,
        string registeredSince) => new(ComputeIin(year, month, day, female, serial), fullName, address, registeredSince);

    private static CreateRegistryRequest Registry(string code, string ownerAgencyId, string kk, string ru, string en) => new()
    {
        RequestId = DemoDirectory.RequestId("registry/" + code),
        Registry = new V1.Registry { Code = code, Name = new LocalizedText { Kk = kk, Ru = ru, En = en }, OwnerAgencyId = ownerAgencyId },
    };

    private static RegistryRecord Record(string registryCode, Citizen citizen, params (string Key, string Value)[] fields)
    {
        var record = new RegistryRecord { RegistryCode = registryCode, Iin = citizen.Iin, FullName = citizen.FullName, Version = 1 };
        foreach (var (key, value) in fields)
            record.Fields.Add(key, value);
        return record;
    }

    private static RegistryRecord Pension(int citizen, int monthsPaid, string lastContribution, long totalKzt) =>
        Record(PensionContributions, Citizens[citizen], ("fund", "БЖЗҚ / ЕНПФ"), ("months_paid", monthsPaid.ToString(CultureInfo.InvariantCulture)),
            ("last_contribution", lastContribution), ("total_kzt", totalKzt.ToString(CultureInfo.InvariantCulture)));

    // The object is described with the owner's registered address, so the two registries agree.
    private static RegistryRecord Property(int citizen, string kind, string cadastralNumber, string right, string registered) =>
        Record(RealEstate, Citizens[citizen], ("object", $"{kind}; {Citizens[citizen].Address}"), ("cadastral_number", cadastralNumber),
            ("right", right), ("registered", registered));

    private static RegistryRecord Course(int citizen, string course, int hours, string completed, string provider) =>
        Record(Training, Citizens[citizen], ("course", course), ("hours", hours.ToString(CultureInfo.InvariantCulture)),
            ("completed", completed), ("provider", provider));

    private sealed record Citizen(string Iin, string FullName, string Address, string RegisteredSince);
}
