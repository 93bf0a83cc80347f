using System.Globalization;
using System.Text.RegularExpressions;
using EDoc.Server.Certificates.Pdf;

namespace EDoc.Server.Tests.Certificates;

/// <summary>
/// The certificate PDF as a citizen's PDF reader and phone see it: the text extracted by poppler's pdftotext, the
/// page rasterised by pdftoppm and its QR code read by zbarimg.
/// </summary>
public sealed partial class CertificatePdfTests : IDisposable
{
    private const string KazakhTitle = "Тұрғылықты жері бойынша тіркелгені туралы анықтама";
    private const string KazakhHolder = "Әйгерім Һұсайынқызы Өңғүрбекова";
    private const string KazakhLetters = "әғқңөұүһі ӘҒҚҢӨҰҮҺІ";
    private const string VerifyUrl = "https://edoc.gov.kz/verify/AC-2025-0001234";

    // 2025-03-14 20:30 UTC is already the 15th in Almaty (UTC+5).
    private static readonly DateTimeOffset IssuedAt = new(2025, 3, 14, 20, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ExpiresAt = new(2026, 3, 14, 19, 30, 0, TimeSpan.Zero);

    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("edoc-certificate-pdf-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_Kazakh_certificate_extracts_letter_exact_with_its_labels_and_Almaty_dates()
    {
        var iin = TestData.Iin();
        var content = Content("kk", KazakhTitle, KazakhHolder, iin) with
        {
            AgencyName = "«Азаматтарға арналған үкімет» мемлекеттік корпорациясы",
            Lines = [("Тіркелген мекенжайы", "Алматы қ., Әуезов ауданы, Шәкәрім көшесі, 12-үй"), ("Әліпби", KazakhLetters)],
        };

        var text = Text(Save(content));

        Assert.Contains("«Азаматтарға арналған үкімет» мемлекеттік корпорациясы", text);
        Assert.Contains(KazakhTitle, text);
        Assert.Contains("№ AC-2025-0001234", text);
        Assert.Contains($"Иесі: {KazakhHolder}", text);
        Assert.Contains($"ЖСН: {iin}", text);
        Assert.Contains("Тіркелген мекенжайы: Алматы қ., Әуезов ауданы, Шәкәрім көшесі, 12-үй", text);
        Assert.Contains($"Әліпби: {KazakhLetters}", text);
        Assert.Contains("Берілген күні: 15.03.2025", text);
        Assert.Contains("Жарамдылық мерзімі: 15.03.2026", text);
        Assert.Contains($"Тексеру үшін QR-кодты сканерлеңіз немесе мына сілтемені ашыңыз: {VerifyUrl}", text);
        Assert.Contains("сенім тізіміндегі", text);
    }

    [Theory]
    [InlineData("ru", "Справка о регистрации по месту жительства", "№", "Владелец", "ИИН", "Дата выдачи", "Срок действия", "Бессрочно",
        "Для проверки отсканируйте QR-код или откройте ссылку:", "списка доверия")]
    [InlineData("en", "Certificate of registration at the place of residence", "No.", "Holder", "IIN", "Issued", "Valid until", "Does not expire",
        "To verify, scan the QR code or open this link:", "published trust list")]
    public void Russian_and_English_certificates_carry_their_own_labels(string language, string title, string number, string holder,
        string iinLabel, string issued, string validUntil, string doesNotExpire, string howToVerify, string offline)
    {
        var iin = TestData.Iin();
        var content = Content(language, title, "Сапарова Әлия Нұрланқызы", iin) with { ExpiresAt = null };

        var text = Text(Save(content));

        Assert.Contains(title, text);
        Assert.Contains($"{number} AC-2025-0001234", text);
        Assert.Contains($"{holder}: Сапарова Әлия Нұрланқызы", text);
        Assert.Contains($"{iinLabel}: {iin}", text);
        Assert.Contains($"{issued}: 15.03.2025", text);
        Assert.Contains($"{validUntil}: {doesNotExpire}", text);
        Assert.Contains($"{howToVerify} {VerifyUrl}", text);
        Assert.Contains(offline, text);
    }

    [Fact]
    public void The_QR_code_on_the_page_reads_back_as_exactly_the_payload()
    {
        var payload = "EDOC1:" + Base45(RandomBytes(260, seed: 45));
        Assert.InRange(payload.Length, 380, 420);
        var pdf = Save(Content("kk", KazakhTitle, KazakhHolder, TestData.Iin()) with { QrPayload = payload });

        ExternalTool.Run("pdftoppm", "-png", "-r", "200", pdf, Path.Combine(_directory, "page"));
        var decoded = ExternalTool.Run("zbarimg", "--raw", "-q", Path.Combine(_directory, "page-1.png"));

        Assert.Equal(payload, decoded.TrimEnd('\n'));
    }

    [Fact]
    public void Long_values_wrap_inside_the_margins_and_keep_every_word()
    {
        var words = Enumerable.Range(1, 150).Select(i => $"сөз{i}").ToArray();
        var longValue = string.Join(' ', words);
        var unbroken = string.Concat(Enumerable.Range(0, 30).Select(i => $"ҚҰЖАТ{i:00}"));
        var content = Content("kk", KazakhTitle, KazakhHolder, TestData.Iin()) with
        {
            Lines = [("Ескертпе", longValue), ("Сілтеме коды", unbroken)],
        };
        var pdf = Save(content);

        var text = Text(pdf);
        var placed = WordBoxes(pdf);

        Assert.Contains($"Ескертпе: {longValue}", text);
        Assert.Contains(unbroken, Whitespace().Replace(text, ""));
        Assert.All(words, word => Assert.Contains(word, placed.Select(w => w.Text)));
        var rightMargin = 210 - 20 + 0.5;
        Assert.All(placed, word => Assert.True(word.XMaxMillimetres <= rightMargin, $"'{word.Text}' ends at {word.XMaxMillimetres:0.0} mm"));
    }

    [Fact]
    public void The_document_info_names_the_certificate_and_the_font_is_embedded()
    {
        var pdf = Save(Content("kk", KazakhTitle, KazakhHolder, TestData.Iin()));

        var info = ExternalTool.Run("pdfinfo", pdf);
        var fonts = ExternalTool.Run("pdffonts", pdf);

        Assert.Matches($@"(?m)^Title:\s+{Regex.Escape(KazakhTitle)}$", info);
        Assert.Matches(@"(?m)^Subject:\s+AC-2025-0001234$", info);
        Assert.Matches(@"(?m)^Creator:\s+EDoc$", info);
        Assert.Matches(@"(?m)^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info);
        // pdffonts columns: name, type, encoding, then "emb sub uni": embedded, subset, with a ToUnicode map.
        var fontRows = fonts.Split('\n').Where(line => line.Contains("DejaVu Sans", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, fontRows.Count);
        Assert.Contains(fontRows, row => row.Contains("DejaVu Sans,Bold", StringComparison.Ordinal));
        Assert.All(fontRows, row => Assert.Matches(@"\byes\s+yes\s+yes\b", row));
    }

    [Fact]
    public void A_language_other_than_kk_ru_en_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificatePdf.Render(Content("de", "Meldebescheinigung", KazakhHolder, TestData.Iin())));

    private static CertificatePdfContent Content(string language, string title, string holder, string iin) => new(
        language,
        "Әділет министрлігі",
        title,
        "AC-2025-0001234",
        holder,
        iin,
        [],
        IssuedAt,
        ExpiresAt,
        "EDOC1:" + Base45(RandomBytes(40, seed: 1)),
        VerifyUrl);

    private string Save(CertificatePdfContent content)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, CertificatePdf.Render(content));
        return path;
    }

    /// <summary>pdftotext's layout text with every run of spaces, line and page breaks made one space, as a reader reads it.</summary>
    private static string Text(string pdf) => Whitespace().Replace(ExternalTool.Run("pdftotext", "-layout", pdf, "-"), " ");

    private static List<(string Text, double XMaxMillimetres)> WordBoxes(string pdf) =>
        WordBox().Matches(ExternalTool.Run("pdftotext", "-bbox", pdf, "-"))
            .Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value),
                double.Parse(m.Groups["xMax"].Value, CultureInfo.InvariantCulture) * 25.4 / 72))
            .ToList();

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>RFC 9285 base45, the alphabet of the QR code's alphanumeric mode.</summary>
    private static string Base45(byte[] bytes)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < bytes.Length; i += 2)
        {
            var pair = i + 1 < bytes.Length;
            var n = pair ? bytes[i] * 256 + bytes[i + 1] : bytes[i];
            for (var digit = 0; digit < (pair ? 3 : 2); digit++, n /= 45) text.Append(alphabet[n % 45]);
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("""<word xMin="[^"]+" yMin="[^"]+" xMax="(?<xMax>[^"]+)" yMax="[^"]+">(?<text>[^<]*)</word>""")]
    private static partial Regex WordBox();
}
