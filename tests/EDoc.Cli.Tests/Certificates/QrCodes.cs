using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using EDoc.Contracts.V1;
using EDoc.Domain.Certificates.Qr;
using EDoc.Cli.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace EDoc.Cli.Tests.Certificates;

/// <summary>
/// A verifier's desk without a network: agency keys, the trust list file as 'edoc certificates trust-list' saves it,
/// and QR codes signed by the same domain code the server uses. The CLI user points at a server that is never called.
/// </summary>
public sealed class QrCodes : IDisposable
{
    public const string Number = "KZ-2026-00000042";
    public const string Iin = "900515401237";

    private readonly TempDirectory _directory = new();

    public ECDsa Agency { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>Someone else's key: valid P-256, but in no trust list.</summary>
    public ECDsa Stranger { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public CliUser Verifier { get; }

    public QrCodes() => Verifier = new CliUser(new Uri("http://127.0.0.1:9"), Named("config"));

    public string Named(string name) => Path.Combine(_directory.Path, name);

    /// <summary>An address certificate issued an hour ago that expires in <paramref name="expiresIn"/> (default 30 days).</summary>
    public static QrClaims Claims(TimeSpan? expiresIn = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new QrClaims("agency-mvd", now.AddHours(-1), now + (expiresIn ?? TimeSpan.FromDays(30)), Number, "address",
            "Тұрақты тіркелген мекенжайы туралы анықтама", "Әлімжанова Гүлнұр Сәкенқызы", QrClaims.MaskIin(Iin), "kk",
            "https://edoc.kz/verify/" + Number);
    }

    /// <summary>Saves a trust list of the given keys (default: the agency's) as JSON and returns its path.</summary>
    public string TrustList(params ECDsa[] keys)
    {
        var list = new TrustList { GenerateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) };
        foreach (var key in keys.Length == 0 ? [Agency] : keys)
            list.Keys.Add(Entry(key.ExportSubjectPublicKeyInfo(), QrKeyId.Of(key)));
        return Save(list);
    }

    /// <summary>A trust list whose one entry claims the kid of <paramref name="named"/> but holds the key of <paramref name="held"/>.</summary>
    public string MislabelledTrustList(ECDsa named, ECDsa held) =>
        Save(new TrustList { Keys = { Entry(held.ExportSubjectPublicKeyInfo(), QrKeyId.Of(named)) } });

    /// <summary>
    /// The QR text with <paramref name="from"/> replaced by <paramref name="to"/> inside the signed claims, recompressed
    /// and re-encoded so the code is well formed and only the signature can tell.
    /// </summary>
    public static string Altered(string qr, string from, string to)
    {
        var cose = Inflate(Base45.Decode(qr[QrPayload.Prefix.Length..]));
        var text = Encoding.Latin1.GetString(cose);
        Assert.Contains(from, text);
        Assert.Equal(Encoding.UTF8.GetByteCount(from), Encoding.UTF8.GetByteCount(to));
        var altered = Encoding.Latin1.GetBytes(text.Replace(from, Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(to)), StringComparison.Ordinal));
        return QrPayload.Prefix + Base45.Encode(Deflate(altered));
    }

    public void Dispose()
    {
        Agency.Dispose();
        Stranger.Dispose();
        _directory.Dispose();
    }

    private static TrustedKey Entry(byte[] publicKey, byte[] keyId) => new()
    {
        KeyId = Convert.ToBase64String(keyId), AgencyId = "agency-mvd", PublicKey = ByteString.CopyFrom(publicKey), Algorithm = "ES256",
        AgencyName = new LocalizedText { Kk = "Ішкі істер министрлігі", Ru = "Министерство внутренних дел", En = "Ministry of Internal Affairs" },
    };

    private string Save(TrustList list)
    {
        var path = Named($"trust-list-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(list));
        return path;
    }

    private static byte[] Inflate(byte[] compressed)
    {
        using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        zlib.CopyTo(inflated);
        return inflated.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(data);
        return compressed.ToArray();
    }
}
