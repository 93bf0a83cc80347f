using EDoc.Contracts.V1;
using EDoc.Server.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace EDoc.Server.Certificates;

/// <summary>gRPC CertificateService: maps calls to the certificate commands, reads, verification and reports.</summary>
[Authorize]
internal sealed class CertificateService(
    CertificateCommands commands, CertificateReads reads, CertificateVerification verification, TrustedKeys trust, CertificateReports reports)
    : Contracts.V1.CertificateService.CertificateServiceBase
{
    public override Task<ListCertificateTypesResponse> ListCertificateTypes(ListCertificateTypesRequest request, ServerCallContext context) =>
        reads.ListTypesAsync(request, context.CancellationToken);

    public override Task<CertificateType> CreateCertificateType(CreateCertificateTypeRequest request, ServerCallContext context) =>
        commands.CreateTypeAsync(context.Caller(), request, context.CancellationToken);

    public override Task<CertificateType> UpdateCertificateType(UpdateCertificateTypeRequest request, ServerCallContext context) =>
        commands.UpdateTypeAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ServiceRequest> RequestCertificate(RequestCertificateRequest request, ServerCallContext context) =>
        commands.RequestAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ServiceRequest> GetServiceRequest(GetServiceRequestRequest request, ServerCallContext context) =>
        reads.GetRequestAsync(context.Caller(), request, context.CancellationToken);

    public override Task<Certificate> GetCertificate(GetCertificateRequest request, ServerCallContext context) =>
        reads.GetAsync(context.Caller(), request.Number, context.CancellationToken);

    public override Task<ListCertificatesResponse> ListCertificates(ListCertificatesRequest request, ServerCallContext context) =>
        reads.ListAsync(context.Caller(), request, context.CancellationToken);

    public override async Task DownloadCertificatePdf(DownloadCertificatePdfRequest request, IServerStreamWriter<CertificatePdfChunk> responseStream,
        ServerCallContext context)
    {
        await foreach (var chunk in reads.PdfAsync(context.Caller(), request.Number, context.CancellationToken))
            await responseStream.WriteAsync(chunk, context.CancellationToken);
    }

    public override Task<Certificate> RevokeCertificate(RevokeCertificateRequest request, ServerCallContext context) =>
        commands.RevokeAsync(context.Caller(), request, context.CancellationToken);

    [AllowAnonymous]
    [EnableRateLimiting(PublicRateLimit.Policy)]
    public override Task<VerifyCertificateResponse> VerifyCertificate(VerifyCertificateRequest request, ServerCallContext context) =>
        verification.VerifyAsync(request, context.CancellationToken);

    [AllowAnonymous]
    [EnableRateLimiting(PublicRateLimit.Policy)]
    public override Task<TrustList> GetTrustList(GetTrustListRequest request, ServerCallContext context) =>
        trust.GetAsync(context.CancellationToken);

    public override Task<Rating> RateService(RateServiceRequest request, ServerCallContext context) =>
        commands.RateAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ChannelReport> GetChannelReport(GetChannelReportRequest request, ServerCallContext context) =>
        reports.GetChannelReportAsync(context.Caller(), request, context.CancellationToken);

    public override Task<RatingsReport> GetRatingsReport(GetRatingsReportRequest request, ServerCallContext context) =>
        reports.GetRatingsReportAsync(context.Caller(), request, context.CancellationToken);
}
