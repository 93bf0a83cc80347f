using EDoc.Domain.Identity;
using FsCheck.Xunit;
using static EDoc.Domain.Tests.Identity.IdentityNumbers;

namespace EDoc.Domain.Tests.Identity;

public class BinTests
{
    // 2 0 0 3 4 0 0 0 1 2 3, weights 1..11:
    // 2·1 + 0·2 + 0·3 + 3·4 + 4·5 + 0·6 + 0·7 + 0·8 + 1·9 + 2·10 + 3·11 = 96 = 8·11 + 8 → check digit 8.
    private const string HeadOfficeMarch2020 = "200340001238";

    // 9 7 1 2 4 0 0 0 1 3 1: 9 + 14 + 3 + 8 + 20 + 1·9 + 3·10 + 1·11 = 104 = 9·11 + 5 → check digit 5.
    private const string HeadOfficeDecember1997 = "971240001315";

    // 2 0 0 3 4 0 0 0 0 2 0: first pass 2 + 12 + 20 + 2·10 = 54 = 4·11 + 10;
    // weights 3,4,5,6,7,8,9,10,11,1,2: 2·3 + 3·6 + 4·7 + 2·1 = 54 again → no check digit, no such BIN.
    private const string NoCheckDigitPrefix = "20034000020";

    [Fact]
    public void Hand_computed_bin_gives_registration_month_type_attribute_and_serial()
    {
        var bin = Bin.Parse(HeadOfficeMarch2020);

        Assert.Equal(new DateOnly(2020, 3, 1), bin.RegisteredOn);
        Assert.Equal(BinEntityType.ResidentLegalEntity, bin.EntityType);
        Assert.Equal(BinAttribute.HeadOffice, bin.Attribute);
        Assert.Equal(123, bin.Serial);
        Assert.Equal(HeadOfficeMarch2020, bin.ToString());
    }

    [Fact]
    public void Bin_registered_in_the_nineties_reads_as_the_nineties()
    {
        Assert.Equal(new DateOnly(1997, 12, 1), Bin.Parse(HeadOfficeDecember1997).RegisteredOn);
    }

    [Theory]
    [InlineData("49014000123", 2049)]
    [InlineData("50014000123", 1950)]
    [InlineData("00014000123", 2000)]
    [InlineData("99014000123", 1999)]
    public void Two_digit_year_is_read_with_a_fixed_pivot(string first11, int year)
    {
        Assert.Equal(new DateOnly(year, 1, 1), Bin.Parse(WithCheckDigit(first11)).RegisteredOn);
    }

    [Fact]
    public void Digits_whose_both_passes_give_ten_make_no_valid_bin()
    {
        for (var check = 0; check <= 9; check++)
        {
            Assert.False(Bin.TryParse(NoCheckDigitPrefix + check, out _));
        }
    }

    [Fact]
    public void Create_skips_a_serial_that_admits_no_check_digit()
    {
        var bin = Bin.Create(2020, 3, BinEntityType.ResidentLegalEntity, BinAttribute.HeadOffice, serial: 20);

        // 2003400002 1: first pass 54 + 1·11 = 65 = 5·11 + 10; second 54 + 1·2 = 56 = 5·11 + 1 → 1.
        Assert.Equal(21, bin.Serial);
        Assert.Equal("200340000211", bin.Value);
    }

    [Theory]
    [InlineData("4", BinEntityType.ResidentLegalEntity)]
    [InlineData("5", BinEntityType.NonResidentLegalEntity)]
    [InlineData("6", BinEntityType.JointIndividualEntrepreneur)]
    public void Fifth_digit_gives_the_entity_type(string digit, BinEntityType type)
    {
        Assert.Equal(type, Bin.Parse(WithCheckDigit("2003" + digit + "000124")).EntityType);
    }

    [Theory]
    [InlineData("0", BinAttribute.HeadOffice)]
    [InlineData("1", BinAttribute.Branch)]
    [InlineData("2", BinAttribute.RepresentativeOffice)]
    [InlineData("3", BinAttribute.PeasantFarm)]
    public void Sixth_digit_gives_the_attribute(string digit, BinAttribute attribute)
    {
        Assert.Equal(attribute, Bin.Parse(WithCheckDigit("20034" + digit + "00124")).Attribute);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("13")]
    [InlineData("99")]
    public void Registration_month_outside_01_to_12_is_rejected(string month)
    {
        var number = WithCheckDigit("20" + month + "4000124");

        Assert.False(Bin.TryParse(number, out _));
        Assert.Contains("month", Assert.Throws<FormatException>(() => Bin.Parse(number)).Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("7")]
    [InlineData("8")]
    [InlineData("9")]
    public void Type_digit_other_than_4_5_6_is_rejected(string digit)
    {
        var number = WithCheckDigit("2003" + digit + "000124");

        Assert.False(Bin.TryParse(number, out _));
        Assert.Contains("entity type", Assert.Throws<FormatException>(() => Bin.Parse(number)).Message);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("5")]
    [InlineData("6")]
    [InlineData("7")]
    [InlineData("8")]
    [InlineData("9")]
    public void Attribute_digit_above_3_is_rejected(string digit)
    {
        var number = WithCheckDigit("20034" + digit + "00124");

        Assert.False(Bin.TryParse(number, out _));
        Assert.Contains("attribute", Assert.Throws<FormatException>(() => Bin.Parse(number)).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20034000123")]
    [InlineData("2003400012380")]
    [InlineData("20034000123X")]
    [InlineData("200340001238\n")]
    [InlineData("２００３４０００１２３８")] // full-width digits
    public void Anything_but_twelve_ascii_digits_is_rejected(string text)
    {
        Assert.False(Bin.TryParse(text, out _));
        Assert.Contains("12 digits", Assert.Throws<FormatException>(() => Bin.Parse(text)).Message);
    }

    [Fact]
    public void Mistyped_check_digit_is_rejected()
    {
        var error = Assert.Throws<FormatException>(() => Bin.Parse(ReplaceDigit(HeadOfficeMarch2020, 11, 9)));

        Assert.Contains("check digit", error.Message);
    }

    [Fact]
    public void Null_is_not_a_bin()
    {
        Assert.False(Bin.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => Bin.Parse(null!));
    }

    [Theory]
    [InlineData(1949, 1, 0)]
    [InlineData(2050, 1, 0)]
    [InlineData(2020, 0, 0)]
    [InlineData(2020, 13, 0)]
    [InlineData(2020, 1, -1)]
    [InlineData(2020, 1, 100_000)]
    public void Create_refuses_what_a_bin_cannot_hold(int year, int month, int serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Bin.Create(year, month, BinEntityType.ResidentLegalEntity, BinAttribute.Branch, serial));
    }

    [Fact]
    public void Create_refuses_undefined_type_or_attribute()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bin.Create(2020, 1, (BinEntityType)3, BinAttribute.Branch, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bin.Create(2020, 1, BinEntityType.ResidentLegalEntity, (BinAttribute)4, 1));
    }

    [Property(MaxTest = 500)]
    public void Created_bin_parses_back_with_the_same_fields(int monthPick, int typePick, int attributePick, int serialPick)
    {
        var (year, month, type, attribute, serial) = Fields(monthPick, typePick, attributePick, serialPick);

        var created = Bin.Create(year, month, type, attribute, serial);
        var parsed = Bin.Parse(created.Value);

        Assert.Equal(created, parsed);
        Assert.Equal(new DateOnly(year, month, 1), parsed.RegisteredOn);
        Assert.Equal(type, parsed.EntityType);
        Assert.Equal(attribute, parsed.Attribute);
    }

    [Property(MaxTest = 500)]
    public void Create_moves_the_serial_only_past_serials_that_make_no_valid_bin(int monthPick, int typePick, int attributePick, int serialPick)
    {
        var (year, month, type, attribute, serial) = Fields(monthPick, typePick, attributePick, serialPick);

        var created = Bin.Create(year, month, type, attribute, serial);

        for (var skipped = serial; skipped != created.Serial; skipped = (skipped + 1) % (Bin.MaxSerial + 1))
        {
            var prefix = created.Value[..6] + skipped.ToString("00000");
            Assert.All(Enumerable.Range(0, 10), check => Assert.False(Bin.TryParse(prefix + check, out _)));
        }
    }

    [Property(MaxTest = 500)]
    public void Changing_the_check_digit_always_invalidates(int monthPick, int typePick, int attributePick, int serialPick, int digitPick)
    {
        var (year, month, type, attribute, serial) = Fields(monthPick, typePick, attributePick, serialPick);
        var valid = Bin.Create(year, month, type, attribute, serial).Value;
        var wrongCheck = (valid[11] - '0' + 1 + Pick(digitPick, 9)) % 10;

        Assert.False(Bin.TryParse(ReplaceDigit(valid, 11, wrongCheck), out _));
    }

    [Property(MaxTest = 1000)]
    public void TryParse_never_throws_and_agrees_with_Parse(string? text)
    {
        var accepted = Bin.TryParse(text, out var bin);

        if (accepted) Assert.Equal(bin, Bin.Parse(text!));
        else if (text is not null) Assert.Throws<FormatException>(() => Bin.Parse(text));
    }

    private static (int Year, int Month, BinEntityType Type, BinAttribute Attribute, int Serial) Fields(
        int monthPick, int typePick, int attributePick, int serialPick)
    {
        var months = (Bin.MaxYear - Bin.MinYear + 1) * 12;
        var monthIndex = Pick(monthPick, months);
        return (Bin.MinYear + monthIndex / 12,
                monthIndex % 12 + 1,
                (BinEntityType)(4 + Pick(typePick, 3)),
                (BinAttribute)Pick(attributePick, 4),
                Pick(serialPick, Bin.MaxSerial + 1));
    }
}
