namespace EDoc.Server.Certificates.Pdf;

/// <summary>The fixed words of a certificate PDF in the three languages a certificate is issued in.</summary>
internal static class CertificatePdfTexts
{
    public static string Number(string language) => Pick(language, kk: "№", ru: "№", en: "No.");

    public static string Holder(string language) => Pick(language, kk: "Иесі", ru: "Владелец", en: "Holder");

    public static string Iin(string language) => Pick(language, kk: "ЖСН", ru: "ИИН", en: "IIN");

    public static string Issued(string language) => Pick(language, kk: "Берілген күні", ru: "Дата выдачи", en: "Issued");

    public static string ValidUntil(string language) => Pick(language, kk: "Жарамдылық мерзімі", ru: "Срок действия", en: "Valid until");

    public static string DoesNotExpire(string language) => Pick(language, kk: "Мерзімсіз", ru: "Бессрочно", en: "Does not expire");

    /// <summary>Printed under the QR code, followed by the verification link.</summary>
    public static string HowToVerify(string language) => Pick(language,
        kk: "Тексеру үшін QR-кодты сканерлеңіз немесе мына сілтемені ашыңыз:",
        ru: "Для проверки отсканируйте QR-код или откройте ссылку:",
        en: "To verify, scan the QR code or open this link:");

    /// <summary>Printed after the link: the QR is signed, so it verifies without a connection (DESIGN: offline QR).</summary>
    public static string VerifyOffline(string language) => Pick(language,
        kk: "QR-кодты жарияланған сенім тізіміндегі кілттер бойынша желісіз де тексеруге болады.",
        ru: "QR-код можно проверить и без интернета по ключам из опубликованного списка доверия.",
        en: "The QR code can also be checked offline against the keys in the published trust list.");

    private static string Pick(string language, string kk, string ru, string en) => language switch
    {
        "kk" => kk,
        "ru" => ru,
        "en" => en,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "A certificate is printed in kk, ru or en."),
    };
}
