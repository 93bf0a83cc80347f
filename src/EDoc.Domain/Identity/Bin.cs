namespace EDoc.Domain.Identity;

/// <summary>
/// Business Identification Number (БСН / БИН) of a legal entity, branch, representative office or joint
/// entrepreneur: registration YYMM, type digit, attribute digit, a 5-digit serial and the check digit.
/// Only valid numbers can be constructed.
/// </summary>
/// <remarks><c>default(Bin)</c> is not a number: its <see cref="Value"/> is empty. Use it only as "none".</remarks>
public readonly record struct Bin
{
    /// <summary>Largest serial (digits 7–11).</summary>
    public const int MaxSerial = 99_999;

    /// <summary>
    /// Two-digit registration years below this are 20YY, the others 19YY. A fixed window rather than one sliding
    /// with today's date keeps a BIN's meaning independent of the clock; no Kazakhstan legal entity was registered
    /// before 1950, and the window must move before 2050.
    /// </summary>
    public const int CenturyPivot = 50;

    /// <summary>First registration year a BIN can encode under <see cref="CenturyPivot"/>.</summary>
    public const int MinYear = 1900 + CenturyPivot;

    /// <summary>Last registration year a BIN can encode under <see cref="CenturyPivot"/>.</summary>
    public const int MaxYear = 2000 + CenturyPivot - 1;

    private static readonly Range SerialField = 6..11;

    private readonly string? _value;

    private Bin(string value, DateOnly registeredOn, BinEntityType entityType, BinAttribute attribute, int serial)
    {
        _value = value;
        RegisteredOn = registeredOn;
        EntityType = entityType;
        Attribute = attribute;
        Serial = serial;
    }

    /// <summary>The 12 digits.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>First day of the registration month (digits 1–4, YYMM; century per <see cref="CenturyPivot"/>).</summary>
    public DateOnly RegisteredOn { get; }

    /// <summary>Kind of entity (digit 5).</summary>
    public BinEntityType EntityType { get; }

    /// <summary>Head office, branch, representative office or peasant farm (digit 6).</summary>
    public BinAttribute Attribute { get; }

    /// <summary>Serial within the registration month (digits 7–11).</summary>
    public int Serial { get; }

    /// <summary>Reads a BIN; false when the text is not exactly a valid one (no trimming, ASCII digits only).</summary>
    public static bool TryParse(string? text, out Bin bin) => Validate(text, out bin) is null;

    /// <summary>Reads a BIN or throws <see cref="FormatException"/> saying which rule it breaks.</summary>
    public static Bin Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Validate(text, out var bin) is { } error ? throw new FormatException(error) : bin;
    }

    /// <summary>Makes a valid BIN (demo data, tests); if <paramref name="serial"/> admits no check digit the next serial is used (after 99999 comes 00000), so read <see cref="Serial"/> back.</summary>
    public static Bin Create(int year, int month, BinEntityType type, BinAttribute attribute, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        if (!Enum.IsDefined(type)) throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown BIN entity type.");
        if (!Enum.IsDefined(attribute)) throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Unknown BIN attribute.");
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, MaxSerial);

        Span<char> number = stackalloc char[CheckDigit.NumberLength];
        Digits.Write(year % 100, number[0..2]);
        Digits.Write(month, number[2..4]);
        number[4] = (char)('0' + (int)type);
        number[5] = (char)('0' + (int)attribute);

        return Parse(Digits.WithCheckDigit(number, SerialField, serial, MaxSerial + 1));
    }

    /// <summary>The 12 digits.</summary>
    public override string ToString() => Value;

    private static string? Validate(string? text, out Bin bin)
    {
        bin = default;
        if (text is null || text.Length != CheckDigit.NumberLength || !CheckDigit.AreAsciiDigits(text))
            return "A BIN must be exactly 12 digits 0-9.";

        var month = Digits.ToInt(text.AsSpan(2, 2));
        if (month is < 1 or > 12)
            return $"Digits 3-4 of a BIN are the registration month and must be 01-12, not {month:00}.";

        var type = (BinEntityType)(text[4] - '0');
        if (!Enum.IsDefined(type))
            return $"The 5th digit of a BIN (entity type) must be 4, 5 or 6, not {text[4]}.";

        var attribute = (BinAttribute)(text[5] - '0');
        if (!Enum.IsDefined(attribute))
            return $"The 6th digit of a BIN (attribute) must be 0-3, not {text[5]}.";

        if (!CheckDigit.TryCompute(text, out var check))
            return "The first 11 digits of a BIN admit no check digit, so no such BIN is issued.";
        if (text[11] - '0' != check)
            return "The 12th digit of a BIN is not its check digit; the number is mistyped.";

        var yy = Digits.ToInt(text.AsSpan(0, 2));
        var year = (yy < CenturyPivot ? 2000 : 1900) + yy;
        bin = new Bin(text, new DateOnly(year, month, 1), type, attribute, Digits.ToInt(text.AsSpan(SerialField)));
        return null;
    }
}
