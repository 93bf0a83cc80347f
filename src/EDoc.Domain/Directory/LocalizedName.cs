using EDoc.Domain.Errors;

namespace EDoc.Domain.Directory;

/// <summary>A name in Kazakh, Russian and English.</summary>
public sealed record LocalizedName(string Kk, string Ru, string En)
{
    /// <summary>Checks that all three languages are given, since every text of the service is shown in kk/ru/en.</summary>
    public static void Validate(Violations violations, string field, string? kk, string? ru, string? en)
    {
        violations.Text(field + ".kk", kk).Text(field + ".ru", ru).Text(field + ".en", en);
    }
}
