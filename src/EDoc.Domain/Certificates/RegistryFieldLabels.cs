using EDoc.Domain.Directory;

namespace EDoc.Domain.Certificates;

/// <summary>
/// The labels a certificate shows for a registry's field keys, in kk/ru/en. Registries name their fields in their own
/// terms; a key without a label here is shown as written, so a new registry field still appears, just unlabelled.
/// </summary>
public static class RegistryFieldLabels
{
    private static readonly Dictionary<string, LocalizedName> Labels = new(StringComparer.Ordinal)
    {
        ["address"] = new("Тіркелген мекенжайы", "Адрес регистрации", "Registered address"),
        ["registered_since"] = new("Тіркелген күні", "Дата регистрации", "Registered since"),
        ["fund"] = new("Зейнетақы қоры", "Пенсионный фонд", "Pension fund"),
        ["months_paid"] = new("Жарна төленген айлар", "Месяцев с взносами", "Months with contributions"),
        ["last_contribution"] = new("Соңғы жарна", "Последний взнос", "Last contribution"),
        ["total_kzt"] = new("Барлығы, теңге", "Всего, тенге", "Total, KZT"),
        ["object"] = new("Мүлік объектісі", "Объект недвижимости", "Property"),
        ["cadastral_number"] = new("Кадастрлық нөмірі", "Кадастровый номер", "Cadastral number"),
        ["right"] = new("Құқық түрі", "Вид права", "Right"),
        ["registered"] = new("Тіркелген күні", "Дата регистрации", "Registered on"),
        ["status"] = new("Мәліметтер", "Сведения", "Status"),
        ["article"] = new("Бап", "Статья", "Article"),
        ["date"] = new("Күні", "Дата", "Date"),
        ["court"] = new("Сот", "Суд", "Court"),
        ["sentence"] = new("Жаза", "Наказание", "Sentence"),
        ["tax"] = new("Салық түрі", "Вид налога", "Tax"),
        ["amount_kzt"] = new("Сомасы, теңге", "Сумма, тенге", "Amount, KZT"),
        ["course"] = new("Курс", "Курс", "Course"),
        ["hours"] = new("Сағат саны", "Количество часов", "Hours"),
        ["completed"] = new("Аяқталған күні", "Дата окончания", "Completed on"),
        ["provider"] = new("Оқыту ұйымы", "Организация обучения", "Training provider"),
    };

    /// <summary>The label of a field key in a language.</summary>
    public static string For(string key, CertificateLanguage language) =>
        Labels.TryGetValue(key, out var label) ? label.In(language) : key;
}
