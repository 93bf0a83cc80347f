using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace EDoc.Server.Certificates.Pdf;

/// <summary>Prints a citizen's certificate as an A4 PDF with the QR code that verifies it.</summary>
internal static class CertificatePdf
{
    private const double PointsPerMillimetre = 72 / 25.4;
    private const double PageWidth = 210 * PointsPerMillimetre;
    private const double PageHeight = 297 * PointsPerMillimetre;
    private const double Margin = 20 * PointsPerMillimetre;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private const double LabelWidth = 55 * PointsPerMillimetre;
    private const double ColumnGap = 4 * PointsPerMillimetre;
    private const double ValueWidth = ContentWidth - LabelWidth - ColumnGap;

    // 50 mm including the 4-module quiet zone: a ~400-character payload is a version 12 code, 73 modules wide with it,
    // so a module is about 0.7 mm, which phone cameras read at arm's length.
    private const double QrSize = 50 * PointsPerMillimetre;
    private const int QrPixelsPerModule = 10;
    private static readonly byte[] Black = [0, 0, 0, 255];
    private static readonly byte[] White = [255, 255, 255, 255];

    /// <summary>The dates on a Kazakh certificate are the local date where it is issued, not UTC's.</summary>
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    // Unicode encoding makes PDFsharp write a ToUnicode map, so Kazakh letters extract as text, not just show.
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public static byte[] Render(CertificatePdfContent content)
    {
        PdfSharpSetup.EnsureDone();
        var language = content.Language;
        var fonts = new Fonts();

        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Subject = content.Number;
        document.Info.Creator = "EDoc";

        using var qrPng = new MemoryStream(QrPng(content.QrPayload));
        using var qr = XImage.FromStream(qrPng);
        qr.Interpolate = false;

        using (var page = new PageCursor(document))
        {
            page.Centred(content.AgencyName, fonts.Agency);
            page.Space(3);
            page.Rule();
            page.Space(8);
            page.Centred(content.Title, fonts.Title);
            page.Space(2);
            page.Centred($"{CertificatePdfTexts.Number(language)} {content.Number}", fonts.Number);
            page.Space(10);

            page.Row(CertificatePdfTexts.Holder(language), content.HolderName, fonts);
            page.Row(CertificatePdfTexts.Iin(language), content.Iin, fonts);
            foreach (var (label, value) in content.Lines) page.Row(label, value, fonts);
            page.Row(CertificatePdfTexts.Issued(language), Date(content.IssuedAt), fonts);
            page.Row(CertificatePdfTexts.ValidUntil(language),
                content.ExpiresAt is { } expiresAt ? Date(expiresAt) : CertificatePdfTexts.DoesNotExpire(language), fonts);
            page.Space(10);

            page.Image(qr, QrSize, keepWithNext: 4 * fonts.Small.GetHeight());
            page.Space(3);
            page.Centred(CertificatePdfTexts.HowToVerify(language), fonts.Small);
            page.Centred(content.VerifyUrl, fonts.Small);
            page.Centred(CertificatePdfTexts.VerifyOffline(language), fonts.Small);
        }

        using var pdf = new MemoryStream();
        document.Save(pdf, closeStream: false);
        return pdf.ToArray();
    }

    private static string Date(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Almaty).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static byte[] QrPng(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        // Colours given explicitly make QRCoder write a 1-bit palette PNG; its default, a 1-bit greyscale PNG, is a kind
        // PDFsharp's Core build cannot import ("Unsupported image format").
        return png.GetGraphic(QrPixelsPerModule, Black, White, drawQuietZones: true);
    }

    private sealed class Fonts
    {
        public XFont Agency { get; } = new(DejaVuFontResolver.FamilyName, 11, XFontStyleEx.Regular, Unicode);
        public XFont Title { get; } = new(DejaVuFontResolver.FamilyName, 18, XFontStyleEx.Bold, Unicode);
        public XFont Number { get; } = new(DejaVuFontResolver.FamilyName, 12, XFontStyleEx.Regular, Unicode);
        public XFont Label { get; } = new(DejaVuFontResolver.FamilyName, 10.5, XFontStyleEx.Bold, Unicode);
        public XFont Value { get; } = new(DejaVuFontResolver.FamilyName, 10.5, XFontStyleEx.Regular, Unicode);
        public XFont Small { get; } = new(DejaVuFontResolver.FamilyName, 9, XFontStyleEx.Regular, Unicode);
    }

    /// <summary>Writes top to bottom, starting a new page when the next line would cross the bottom margin.</summary>
    private sealed class PageCursor(PdfDocument document) : IDisposable
    {
        private XGraphics _graphics = NewPage(document);
        private double _y = Margin;

        public void Centred(string text, XFont font)
        {
            var height = font.GetHeight();
            foreach (var line in TextWrap.Lines(_graphics, text, font, ContentWidth))
            {
                MakeRoom(height);
                _graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, ContentWidth, height), XStringFormats.TopCenter);
                _y += height;
            }
        }

        /// <summary>"Label:" in its column, the value wrapped in the next; long ones go on over the page break.</summary>
        public void Row(string label, string value, Fonts fonts)
        {
            var labels = TextWrap.Lines(_graphics, label + ":", fonts.Label, LabelWidth);
            var values = TextWrap.Lines(_graphics, value, fonts.Value, ValueWidth);
            var height = Math.Max(fonts.Label.GetHeight(), fonts.Value.GetHeight()) * 1.15;
            for (var i = 0; i < Math.Max(labels.Count, values.Count); i++)
            {
                MakeRoom(height);
                if (i < labels.Count) _graphics.DrawString(labels[i], fonts.Label, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
                if (i < values.Count) _graphics.DrawString(values[i], fonts.Value, XBrushes.Black, Margin + LabelWidth + ColumnGap, _y, XStringFormats.TopLeft);
                _y += height;
            }

            _y += 0.25 * height;
        }

        /// <summary>A square image centred, on the same page as the first <paramref name="keepWithNext"/> points after it.</summary>
        public void Image(XImage image, double size, double keepWithNext)
        {
            MakeRoom(size + keepWithNext);
            _graphics.DrawImage(image, Margin + (ContentWidth - size) / 2, _y, size, size);
            _y += size;
        }

        public void Rule()
        {
            _graphics.DrawLine(XPens.Gray, Margin, _y, PageWidth - Margin, _y);
        }

        public void Space(double millimetres) => _y += millimetres * PointsPerMillimetre;

        public void Dispose() => _graphics.Dispose();

        private void MakeRoom(double height)
        {
            if (_y + height <= PageHeight - Margin || _y <= Margin) return;
            _graphics.Dispose();
            _graphics = NewPage(document);
            _y = Margin;
        }

        private static XGraphics NewPage(PdfDocument document)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            return XGraphics.FromPdfPage(page);
        }
    }
}
