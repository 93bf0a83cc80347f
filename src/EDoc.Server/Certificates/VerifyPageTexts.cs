using EDoc.Contracts.V1;
using EDoc.Domain.Certificates;
using EDoc.Domain.Directory;

namespace EDoc.Server.Certificates;

/// <summary>Every text of the public verify page, in kk/ru/en.</summary>
internal static class VerifyPageTexts
{
    private static string Pick(CertificateLanguage language, string kk, string ru, string en) => new LocalizedName(kk, ru, en).In(language);

    public static string Heading(CertificateLanguage l) => Pick(l, "Анықтаманы тексеру", "Проверка справки", "Certificate check");

    public static string Status(CertificateLanguage l, VerificationStatus status) => status switch
    {
        VerificationStatus.Valid => Pick(l, "Анықтама түпнұсқа және жарамды", "Справка подлинная и действительна", "The certificate is genuine and valid"),
        VerificationStatus.Revoked => Pick(l, "Анықтама кері қайтарып алынды", "Справка отозвана", "The certificate has been revoked"),
        VerificationStatus.Expired => Pick(l, "Анықтаманың жарамдылық мерзімі өтіп кетті", "Срок действия справки истёк", "The certificate has expired"),
        _ => Pick(l, "Мұндай нөмірмен анықтама табылмады", "Справка с таким номером не найдена", "No certificate with this number was found"),
    };

    public static string Number(CertificateLanguage l) => Pick(l, "Нөмірі", "Номер", "Number");

    public static string Title(CertificateLanguage l) => Pick(l, "Анықтама түрі", "Вид справки", "Certificate");

    public static string Issuer(CertificateLanguage l) => Pick(l, "Берген орган", "Выдавший орган", "Issued by");

    public static string Holder(CertificateLanguage l) => Pick(l, "Иесі", "Владелец", "Holder");

    public static string Issued(CertificateLanguage l) => Pick(l, "Берілген күні", "Дата выдачи", "Issued on");

    public static string ValidUntil(CertificateLanguage l) => Pick(l, "Жарамдылық мерзімі", "Действительна до", "Valid until");

    public static string NoExpiry(CertificateLanguage l) => Pick(l, "Мерзімсіз", "Бессрочно", "Does not expire");

    public static string Revoked(CertificateLanguage l) => Pick(l, "Кері қайтарылған күні", "Дата отзыва", "Revoked on");

    public static string Reason(CertificateLanguage l) => Pick(l, "Себебі", "Причина", "Reason");

    public static string Offline(CertificateLanguage l) => Pick(l,
        "QR-кодты интернетсіз де тексеруге болады: edoc verify-qr және мемлекеттік органдардың жарияланған кілттер тізімі.",
        "QR-код можно проверить и без интернета: edoc verify-qr и опубликованный список ключей госорганов.",
        "The QR code can also be checked offline: edoc verify-qr with the published list of agency keys.");
}
