using EDoc.Contracts.V1;

namespace EDoc.Contracts.Demo;

/// <summary>
/// The demo certificate types, written as API requests like <see cref="DemoDirectory"/>, with request ids derived from
/// the type codes so that seeding twice changes nothing. Names are those of the eGov portal; each type is issued by the
/// agency that owns its source registry in <see cref="DemoRegistries"/>.
/// </summary>
public static class DemoCertificateTypes
{
    /// <summary>The address certificate.</summary>
    public const string Address = "address";

    /// <summary>The certificate of presence or absence of a criminal record.</summary>
    public const string NoCriminalRecord = "no-criminal-record";

    /// <summary>The certificate of registered rights to real estate.</summary>
    public const string RealEstateRights = "real-estate-rights";

    /// <summary>The certificate of mandatory pension contributions received.</summary>
    public const string PensionContributions = "pension-contributions";

    /// <summary>The information on absence (presence) of tax debts.</summary>
    public const string NoTaxDebts = "no-tax-debts";

    /// <summary>The civil servant's training completion certificate, issued manually.</summary>
    public const string TrainingCompletion = "training-completion";

    /// <summary>Who decides training-completion requests: the ministry's department director (mdai.head, role Head).</summary>
    public const string TrainingHandlerEmployeeId = "mdai-head";

    /// <summary>The types: five issued instantly from a registry record, one issued after an employee approves it.</summary>
    public static IReadOnlyList<CreateCertificateTypeRequest> CertificateTypes { get; } =
    [
        Instant(Address, DemoRegistries.Address, "gov4c", 30,
            "Тұрғылықты жері бойынша тіркелгені туралы анықтама",
            "Адресная справка с места жительства",
            "Certificate of registration at the place of residence"),
        Instant(NoCriminalRecord, DemoRegistries.CriminalRecords, "mdai", 30,
            "Сотталғандығының болуы не болмауы туралы анықтама",
            "Справка о наличии либо отсутствии судимости",
            "Certificate of presence or absence of a criminal record"),
        Instant(RealEstateRights, DemoRegistries.RealEstate, "gov4c", 30,
            "Тіркелген құқықтар (ауыртпалықтар) және жылжымайтын мүлік объектісінің техникалық сипаттамалары туралы анықтама",
            "Справка о зарегистрированных правах (обременениях) на недвижимое имущество и его технических характеристиках",
            "Certificate of registered rights (encumbrances) to real estate and its technical characteristics"),
        Instant(PensionContributions, DemoRegistries.PensionContributions, "gov4c", 30,
            "Міндетті зейнетақы жарналарының түсуі туралы анықтама",
            "Справка о поступлении обязательных пенсионных взносов",
            "Certificate of receipt of mandatory pension contributions"),
        Instant(NoTaxDebts, DemoRegistries.TaxDebts, "gov4c", 30,
            "Салық берешегінің жоқ (бар) екендігі туралы мәліметтер",
            "Сведения об отсутствии (наличии) налоговой задолженности",
            "Information on the absence (presence) of tax debts"),
        Create(TrainingCompletion, DemoRegistries.Training, "mdai", 0, IssueMode.Manual, TrainingHandlerEmployeeId,
            "Мемлекеттік қызметшінің біліктілігін арттыру курстарынан өткені туралы анықтама",
            "Справка о прохождении государственным служащим курсов повышения квалификации",
            "Certificate of completion of professional development courses by a civil servant"),
    ];

    private static CreateCertificateTypeRequest Instant(string code, string sourceRegistry, string agencyId, int validityDays,
        string kk, string ru, string en) =>
        Create(code, sourceRegistry, agencyId, validityDays, IssueMode.Instant, "", kk, ru, en);

    private static CreateCertificateTypeRequest Create(string code, string sourceRegistry, string agencyId, int validityDays,
        IssueMode issueMode, string handlerEmployeeId, string kk, string ru, string en) => new()
    {
        RequestId = DemoDirectory.RequestId("certificate-type/" + code),
        CertificateType = new CertificateType
        {
            Code = code,
            Name = new LocalizedText { Kk = kk, Ru = ru, En = en },
            IssuingAgencyId = agencyId,
            SourceRegistry = sourceRegistry,
            ValidityDays = validityDays,
            IssueMode = issueMode,
            HandlerEmployeeId = handlerEmployeeId,
            Active = true,
        },
    };
}
