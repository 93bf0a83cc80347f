using EDoc.Domain.Certificates.Qr;

namespace EDoc.Domain.Tests.Certificates;

public class QrClaimsTests
{
    [Fact]
    public void Masking_keeps_the_birth_date_and_hides_the_rest()
    {
        Assert.Equal("900515******", QrClaims.MaskIin("900515401237"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("90051540123")]
    [InlineData("9005154012370")]
    [InlineData("90051540123X")]
    [InlineData("900515******")]
    public void Masking_refuses_anything_but_twelve_digits(string iin)
    {
        Assert.Throws<ArgumentException>(() => QrClaims.MaskIin(iin));
    }

    [Theory]
    [InlineData("900515******", true)]
    [InlineData("900515401237", false)]
    [InlineData("90051*******", false)]
    [InlineData("900515*****", false)]
    public void Tells_a_masked_iin_from_a_whole_one(string text, bool masked)
    {
        Assert.Equal(masked, QrClaims.IsMaskedIin(text));
    }
}
