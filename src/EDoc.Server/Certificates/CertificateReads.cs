using EDoc.Domain.Access;
using EDoc.Domain.Certificates;
using EDoc.Domain.Errors;
using EDoc.Server.Certificates.Pdf;
using EDoc.Server.Hosting;
using EDoc.Server.Paging;
using EDoc.Storage;
using EDoc.Storage.Queries;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Certificates;

/// <summary>
/// Certificate reads, each within the caller's reach (<see cref="CertificateRules.ReachOf"/>): a channel reads what it
/// requested, staff what their agency issued; the list of types is open to every signed-in caller.
/// </summary>
internal sealed class CertificateReads(IEDocStore store, PageTokens tokens, IOptions<EDocOptions> options)
{
    /// <summary>PDF bytes per streamed message.</summary>
    private const int ChunkSize = 64 * 1024;

    private string VerifyBase => options.Value.VerifyBase;

    public async Task<Proto.ListCertificateTypesResponse> ListTypesAsync(Proto.ListCertificateTypesRequest request, CancellationToken ct) =>
        new()
        {
            CertificateTypes =
            {
                (await store.Certificates.ListTypesAsync(ct)).Where(t => t.Active || request.IncludeInactive).Select(CertificateMapping.ToProto),
            },
        };

    public async Task<Proto.ServiceRequest> GetRequestAsync(Caller caller, Proto.GetServiceRequestRequest request, CancellationToken ct)
    {
        new Violations().Text("id", request.Id).ThrowIfAny();
        var found = await store.Certificates.GetRequestAsync(request.Id, ct) ?? throw new NotFoundException("ServiceRequest", request.Id);
        CertificateRules.EnsureReads(caller, found.AgencyId, found.RequestedBy, "ServiceRequest", found.Id);
        var certificate = found.CertificateNumber is { } number ? await store.Certificates.GetAsync(number, ct) : null;
        return CertificateMapping.ToProto(found, certificate, VerifyBase);
    }

    public async Task<Proto.Certificate> GetAsync(Caller caller, string number, CancellationToken ct) =>
        CertificateMapping.ToProto(await VisibleAsync(caller, number, ct), VerifyBase);

    public async Task<Proto.ListCertificatesResponse> ListAsync(Caller caller, Proto.ListCertificatesRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var isChannel = caller.HasAny(Domain.Access.Role.Channel);
        if (isChannel || request.Iin.Length > 0) v.Iin("iin", request.Iin);
        if (request.CertificateType.Length > 0) v.Id("certificate_type", request.CertificateType);
        v.ThrowIfAny();
        var size = PageTokens.Size(request.PageSize);
        var filter = new CertificateFilter(Mapping.OrNull(request.Iin), CertificateRules.ReachOf(caller), Mapping.OrNull(request.CertificateType));
        var list = $"certificates\n{caller.Id}\n{request.Iin}\n{request.CertificateType}";
        var page = await store.Certificates.ListAsync(filter, tokens.Decode(request.PageToken, list), size, ct);
        return new Proto.ListCertificatesResponse
        {
            Certificates = { page.Items.Select(c => CertificateMapping.ToProto(c, VerifyBase)) },
            NextPageToken = tokens.Encode(page.NextAfter, list),
        };
    }

    /// <summary>The certificate's PDF, rendered from what was signed, in chunks.</summary>
    public async IAsyncEnumerable<Proto.CertificatePdfChunk> PdfAsync(Caller caller, string number,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var c = await VisibleAsync(caller, number, ct);
        var pdf = CertificatePdf.Render(new CertificatePdfContent(c.Language.Code(), c.AgencyName, c.Title, c.Number, c.HolderName, c.Iin,
            c.Lines.Select(l => (l.Label, l.Value)).ToList(), c.IssuedAt, c.ExpiresAt, c.QrPayload, AgencySigner.VerifyUrl(VerifyBase, c.Number)));
        for (var offset = 0; offset < pdf.Length; offset += ChunkSize)
            yield return new Proto.CertificatePdfChunk { Data = ByteString.CopyFrom(pdf, offset, Math.Min(ChunkSize, pdf.Length - offset)) };
    }

    private async Task<Certificate> VisibleAsync(Caller caller, string number, CancellationToken ct)
    {
        new Violations().Text("number", number).ThrowIfAny();
        var normalized = CertificateNumber.Normalize(number);
        var certificate = await store.Certificates.GetAsync(normalized, ct) ?? throw new NotFoundException("Certificate", normalized);
        CertificateRules.EnsureReads(caller, certificate.AgencyId, certificate.RequestedBy, "Certificate", certificate.Number);
        return certificate;
    }
}
