namespace EDoc.Domain.Identity;

/// <summary>
/// Individual Identification Number (ЖСН / ИИН) of a person: birth date YYMMDD, a century/sex digit,
/// a 4-digit serial and the check digit. Only valid numbers can be constructed.
/// </summary>
/// <remarks><c>default(Iin)</c> is not a number: its <see cref="Value"/> is empty. Use it only as "none".</remarks>
public readonly record struct Iin
{
    /// <summary>Largest serial (digits 8–11).</summary>
    public const int MaxSerial = 9_999;

    /// <summary>First birth year an IIN can encode (century digit 1 or 2).</summary>
    public const int MinBirthYear = 1800;

    /// <summary>Last birth year an IIN can encode (century digit 5 or 6).</summary>
    public const int MaxBirthYear = 2099;

    private static readonly Range SerialField = 7..11;

    private readonly string? _value;

    private Iin(string value, DateOnly birthDate, Sex sex, int serial)
    {
        _value = value;
        BirthDate = birthDate;
        Sex = sex;
        Serial = serial;
    }

    /// <summary>The 12 digits.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Date of birth from digits 1–6 and the century in digit 7.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>Sex from digit 7.</summary>
    public Sex Sex { get; }

    /// <summary>Serial among people born the same day (digits 8–11).</summary>
    public int Serial { get; }

    /// <summary>Reads an IIN; false when the text is not exactly a valid one (no trimming, ASCII digits only).</summary>
    public static bool TryParse(string? text, out Iin iin) => Validate(text, out iin) is null;

    /// <summary>Reads an IIN or throws <see cref="FormatException"/> saying which rule it breaks.</summary>
    public static Iin Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Validate(text, out var iin) is { } error ? throw new FormatException(error) : iin;
    }

    /// <summary>Makes a valid IIN (demo data, tests); if <paramref name="serial"/> admits no check digit the next serial is used (after 9999 comes 0000), so read <see cref="Serial"/> back.</summary>
    public static Iin Create(DateOnly birthDate, Sex sex, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(birthDate.Year, MinBirthYear, nameof(birthDate));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(birthDate.Year, MaxBirthYear, nameof(birthDate));
        if (!Enum.IsDefined(sex)) throw new ArgumentOutOfRangeException(nameof(sex), sex, "Unknown sex.");
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, MaxSerial);

        Span<char> number = stackalloc char[CheckDigit.NumberLength];
        Digits.Write(birthDate.Year % 100, number[0..2]);
        Digits.Write(birthDate.Month, number[2..4]);
        Digits.Write(birthDate.Day, number[4..6]);
        var centuryIndex = (birthDate.Year - MinBirthYear) / 100;
        number[6] = (char)('1' + centuryIndex * 2 + (sex == Sex.Female ? 1 : 0));

        return Parse(Digits.WithCheckDigit(number, SerialField, serial, MaxSerial + 1));
    }

    /// <summary>The 12 digits.</summary>
    public override string ToString() => Value;

    // Messages never echo the number: an IIN is personal data and exception messages end up in logs.
    private static string? Validate(string? text, out Iin iin)
    {
        iin = default;
        if (text is null || text.Length != CheckDigit.NumberLength || !CheckDigit.AreAsciiDigits(text))
            return "An IIN must be exactly 12 digits 0-9.";

        var centuryAndSex = text[6] - '0';
        if (centuryAndSex is < 1 or > 6)
            return $"The 7th digit of an IIN (century and sex) must be 1-6, not {centuryAndSex}.";

        var year = MinBirthYear + (centuryAndSex - 1) / 2 * 100 + Digits.ToInt(text.AsSpan(0, 2));
        var month = Digits.ToInt(text.AsSpan(2, 2));
        var day = Digits.ToInt(text.AsSpan(4, 2));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return "The first six digits of an IIN must be a real birth date YYMMDD.";

        if (!CheckDigit.TryCompute(text, out var check))
            return "The first 11 digits of an IIN admit no check digit, so no such IIN is issued.";
        if (text[11] - '0' != check)
            return "The 12th digit of an IIN is not its check digit; the number is mistyped.";

        var sex = centuryAndSex % 2 == 1 ? Sex.Male : Sex.Female;
        iin = new Iin(text, new DateOnly(year, month, day), sex, Digits.ToInt(text.AsSpan(SerialField)));
        return null;
    }
}
