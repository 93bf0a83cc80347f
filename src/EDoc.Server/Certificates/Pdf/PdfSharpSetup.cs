using PdfSharp;
using PdfSharp.Fonts;

namespace EDoc.Server.Certificates.Pdf;

/// <summary>PDFsharp's process-wide settings, made once before the first document.</summary>
internal static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static bool _done;

    public static void EnsureDone()
    {
        lock (Gate)
        {
            if (_done) return;

            // PDFsharp 6.5 and later refuse to run until the code picks a licence: the AGPL or a commercial key.
            // The AGPL obliges a network service to offer its source to its users; a commercial key would replace
            // this line with PdfSharpLicense.LoadLicense(key).
            PdfSharpLicense.SetAgplLicense();

            // Settable once, before any font is used (or again with the same instance).
            var resolver = GlobalFontSettings.FontResolver;
            if (resolver is not null && !ReferenceEquals(resolver, DejaVuFontResolver.Instance))
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has the font resolver {resolver.GetType().Name}; the certificate PDFs need {nameof(DejaVuFontResolver)}.");
            }

            GlobalFontSettings.FontResolver = DejaVuFontResolver.Instance;
            _done = true;
        }
    }
}
