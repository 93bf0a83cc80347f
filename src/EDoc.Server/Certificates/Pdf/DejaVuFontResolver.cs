using System.Reflection;
using PdfSharp.Fonts;

namespace EDoc.Server.Certificates.Pdf;

/// <summary>
/// Serves the DejaVu Sans faces embedded in this assembly: the Core build of PDFsharp finds no system fonts on Linux,
/// and DejaVu has every Kazakh letter (ә ғ қ ң ө ұ ү һ і). Every family name resolves to DejaVu, the only font shipped.
/// </summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    /// <summary>The one instance: PDFsharp accepts its resolver again only when it is the same instance.</summary>
    public static DejaVuFontResolver Instance { get; } = new();

    private readonly Lazy<byte[]> _regular = new(() => Load(RegularFace));
    private readonly Lazy<byte[]> _bold = new(() => Load(BoldFace));

    private DejaVuFontResolver()
    {
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => _regular.Value,
        BoldFace => _bold.Value,
        _ => null,
    };

    private static byte[] Load(string face)
    {
        // LogicalName in EDoc.Server.csproj fixes the resource names.
        var name = $"{typeof(DejaVuFontResolver).Namespace}.Fonts.{face}.ttf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from the assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
