using EDoc.Domain.Identity;
using FsCheck.Xunit;
using static EDoc.Domain.Tests.Identity.IdentityNumbers;

namespace EDoc.Domain.Tests.Identity;

public class IinTests
{
    // 9 0 0 5 1 5 3 0 1 2 3, weights 1..11:
    // 9·1 + 0·2 + 0·3 + 5·4 + 1·5 + 5·6 + 3·7 + 0·8 + 1·9 + 2·10 + 3·11 = 147 = 13·11 + 4 → check digit 4.
    private const string MaleBorn15May1990 = "900515301234";

    // 9 0 0 5 1 5 3 0 0 9 0, first pass: 9 + 20 + 5 + 30 + 21 + 9·10 = 175 = 15·11 + 10 → use the second weights;
    // weights 3,4,5,6,7,8,9,10,11,1,2: 9·3 + 5·6 + 1·7 + 5·8 + 3·9 + 9·1 = 140 = 12·11 + 8 → check digit 8.
    private const string NeedsSecondPass = "900515300908";

    // 9 0 0 5 1 5 3 0 0 9 1: first pass 175 + 1·11 = 186 = 16·11 + 10; second pass 140 + 1·2 = 142 = 12·11 + 10:
    // no check digit exists, so no IIN starts with these 11 digits.
    private const string NoCheckDigitPrefix = "90051530091";

    [Fact]
    public void Hand_computed_iin_gives_birth_date_sex_and_serial()
    {
        var iin = Iin.Parse(MaleBorn15May1990);

        Assert.Equal(new DateOnly(1990, 5, 15), iin.BirthDate);
        Assert.Equal(Sex.Male, iin.Sex);
        Assert.Equal(123, iin.Serial);
        Assert.Equal(MaleBorn15May1990, iin.Value);
        Assert.Equal(MaleBorn15May1990, iin.ToString());
    }

    [Fact]
    public void Check_digit_falls_back_to_the_second_weights_when_the_first_give_ten()
    {
        Assert.True(Iin.TryParse(NeedsSecondPass, out var iin));
        Assert.Equal(90, iin.Serial);
        Assert.False(Iin.TryParse(ReplaceDigit(NeedsSecondPass, 11, 0), out _), "10 mod 10 must not be taken as the check digit");
    }

    [Fact]
    public void Digits_whose_both_passes_give_ten_make_no_valid_iin()
    {
        for (var check = 0; check <= 9; check++)
        {
            Assert.False(Iin.TryParse(NoCheckDigitPrefix + check, out _));
        }
        var error = Assert.Throws<FormatException>(() => Iin.Parse(NoCheckDigitPrefix + "0"));
        Assert.Contains("no check digit", error.Message);
    }

    [Fact]
    public void Create_skips_a_serial_that_admits_no_check_digit()
    {
        var iin = Iin.Create(new DateOnly(1990, 5, 15), Sex.Male, serial: 91);

        // 9005153009 2: first pass 175 + 2·11 = 197 = 17·11 + 10; second 140 + 2·2 = 144 = 13·11 + 1 → 1.
        Assert.Equal(92, iin.Serial);
        Assert.Equal("900515300921", iin.Value);
    }

    [Theory]
    [InlineData("1", Sex.Male, 1800)]
    [InlineData("2", Sex.Female, 1800)]
    [InlineData("3", Sex.Male, 1900)]
    [InlineData("4", Sex.Female, 1900)]
    [InlineData("5", Sex.Male, 2000)]
    [InlineData("6", Sex.Female, 2000)]
    public void Seventh_digit_gives_century_and_sex(string centuryDigit, Sex sex, int century)
    {
        var iin = Iin.Parse(WithCheckDigit("070707" + centuryDigit + "0042"));

        Assert.Equal(new DateOnly(century + 7, 7, 7), iin.BirthDate);
        Assert.Equal(sex, iin.Sex);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("8")]
    [InlineData("9")]
    public void Century_digit_outside_one_to_six_is_rejected(string centuryDigit)
    {
        var number = WithCheckDigit("900515" + centuryDigit + "0124");

        Assert.False(Iin.TryParse(number, out _));
        Assert.Contains("7th digit", Assert.Throws<FormatException>(() => Iin.Parse(number)).Message);
    }

    [Theory]
    [InlineData("9002303")] // 30 Feb
    [InlineData("9013013")] // month 13
    [InlineData("9000153")] // month 00
    [InlineData("9005003")] // day 00
    [InlineData("9004313")] // 31 Apr
    [InlineData("0002293")] // 29 Feb 1900: 1900 is not a leap year
    [InlineData("0102295")] // 29 Feb 2001
    public void Birth_date_that_is_not_a_real_day_is_rejected(string dateAndCentury)
    {
        var number = WithCheckDigit(dateAndCentury + "0123");

        Assert.False(Iin.TryParse(number, out _));
        Assert.Contains("birth date", Assert.Throws<FormatException>(() => Iin.Parse(number)).Message);
    }

    [Fact]
    public void Leap_day_of_2000_is_a_real_birth_date()
    {
        Assert.Equal(new DateOnly(2000, 2, 29), Iin.Parse(WithCheckDigit("0002295" + "0123")).BirthDate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("90051530123")]
    [InlineData("9005153012340")]
    [InlineData(" 900515301234")]
    [InlineData("900515301234 ")]
    [InlineData("90051530123A")]
    [InlineData("9005-1530123")]
    [InlineData("٩٠٠٥١٥٣٠١٢٣٤")] // Arabic-Indic digits: char.IsDigit says yes, an IIN says no
    [InlineData("９００５１５３０１２３４")] // full-width digits
    public void Anything_but_twelve_ascii_digits_is_rejected(string text)
    {
        Assert.False(Iin.TryParse(text, out var iin));
        Assert.Equal(default, iin);
        Assert.Contains("12 digits", Assert.Throws<FormatException>(() => Iin.Parse(text)).Message);
    }

    [Fact]
    public void Null_is_not_an_iin()
    {
        Assert.False(Iin.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => Iin.Parse(null!));
    }

    [Fact]
    public void Parse_error_does_not_echo_the_personal_number()
    {
        var mistyped = ReplaceDigit(MaleBorn15May1990, 11, 5);

        var error = Assert.Throws<FormatException>(() => Iin.Parse(mistyped));

        Assert.Contains("check digit", error.Message);
        Assert.DoesNotContain(mistyped, error.Message);
    }

    [Fact]
    public void Same_digits_are_the_same_iin()
    {
        Assert.Equal(Iin.Parse(MaleBorn15May1990), Iin.Parse(new string(MaleBorn15May1990.ToCharArray())));
        Assert.NotEqual(Iin.Parse(MaleBorn15May1990), Iin.Parse(NeedsSecondPass));
    }

    [Fact]
    public void Default_iin_is_empty_not_a_number()
    {
        Assert.Equal(string.Empty, default(Iin).Value);
        Assert.False(Iin.TryParse(default(Iin).Value, out _));
    }

    [Fact]
    public void A_changed_last_serial_digit_can_go_unnoticed_because_its_first_weight_is_eleven()
    {
        // Weight 11 ≡ 0 (mod 11): digit 11 does not enter the first pass, so 900515301234 → 900515301244 stays valid.
        // This is the rule's known blind spot, which is why the properties below do not claim more.
        Assert.True(Iin.TryParse(ReplaceDigit(MaleBorn15May1990, 10, 4), out _));
    }

    [Theory]
    [InlineData(1799, 0)]
    [InlineData(2100, 0)]
    [InlineData(1990, -1)]
    [InlineData(1990, 10_000)]
    public void Create_refuses_what_an_iin_cannot_hold(int year, int serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Iin.Create(new DateOnly(year, 1, 1), Sex.Female, serial));
    }

    [Fact]
    public void Create_refuses_an_undefined_sex()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Iin.Create(new DateOnly(1990, 1, 1), (Sex)7, 1));
    }

    [Property(MaxTest = 500)]
    public void Created_iin_parses_back_with_the_same_fields(int dayPick, bool female, int serialPick)
    {
        var (birthDate, sex, serial) = Fields(dayPick, female, serialPick);

        var created = Iin.Create(birthDate, sex, serial);
        var parsed = Iin.Parse(created.Value);

        Assert.Equal(created, parsed);
        Assert.Equal(birthDate, parsed.BirthDate);
        Assert.Equal(sex, parsed.Sex);
        Assert.Matches("^[0-9]{12}$", parsed.Value);
    }

    [Property(MaxTest = 500)]
    public void Create_moves_the_serial_only_past_serials_that_make_no_valid_iin(int dayPick, bool female, int serialPick)
    {
        var (birthDate, sex, serial) = Fields(dayPick, female, serialPick);

        var created = Iin.Create(birthDate, sex, serial);

        for (var skipped = serial; skipped != created.Serial; skipped = (skipped + 1) % (Iin.MaxSerial + 1))
        {
            var prefix = created.Value[..7] + skipped.ToString("0000");
            Assert.All(Enumerable.Range(0, 10), check => Assert.False(Iin.TryParse(prefix + check, out _)));
        }
    }

    [Property(MaxTest = 500)]
    public void Changing_the_check_digit_always_invalidates(int dayPick, bool female, int serialPick, int digitPick)
    {
        var (birthDate, sex, serial) = Fields(dayPick, female, serialPick);
        var valid = Iin.Create(birthDate, sex, serial).Value;
        var wrongCheck = (valid[11] - '0' + 1 + Pick(digitPick, 9)) % 10;

        Assert.False(Iin.TryParse(ReplaceDigit(valid, 11, wrongCheck), out _));
    }

    [Property(MaxTest = 500)]
    public void Changing_one_of_the_first_ten_digits_is_caught_unless_the_second_pass_decides(
        int dayPick, bool female, int serialPick, int positionPick, int digitPick)
    {
        var (birthDate, sex, serial) = Fields(dayPick, female, serialPick);
        var valid = Iin.Create(birthDate, sex, serial).Value;
        var position = Pick(positionPick, 10);
        var mutated = ReplaceDigit(valid, position, (valid[position] - '0' + 1 + Pick(digitPick, 9)) % 10);

        // Weights 1..10 are invertible mod 11, so the first-pass residue always moves. When neither number needs the
        // second pass, the check digit is that residue and the change is caught; when one of them does, the other
        // pass may match the check digit by chance (1 in 10), so nothing stronger holds.
        var before = CheckDigit.FirstPassResidue(valid);
        var after = CheckDigit.FirstPassResidue(mutated);
        Assert.NotEqual(before, after);
        Assert.True(!Iin.TryParse(mutated, out _) || before == 10 || after == 10);
    }

    [Property(MaxTest = 1000)]
    public void TryParse_never_throws_and_agrees_with_Parse(string? text)
    {
        var accepted = Iin.TryParse(text, out var iin);

        if (accepted) Assert.Equal(iin, Iin.Parse(text!));
        else if (text is not null) Assert.Throws<FormatException>(() => Iin.Parse(text));
    }

    private static (DateOnly BirthDate, Sex Sex, int Serial) Fields(int dayPick, bool female, int serialPick)
    {
        var first = new DateOnly(Iin.MinBirthYear, 1, 1).DayNumber;
        var last = new DateOnly(Iin.MaxBirthYear, 12, 31).DayNumber;
        return (DateOnly.FromDayNumber(first + Pick(dayPick, last - first + 1)),
                female ? Sex.Female : Sex.Male,
                Pick(serialPick, Iin.MaxSerial + 1));
    }
}
