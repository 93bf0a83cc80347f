using EDoc.Contracts.V1;
using EDoc.Server.Auth;
using EDoc.Server.Hosting;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace EDoc.Server.Audit;

/// <summary>gRPC AuditService: maps calls to the audit reads.</summary>
[Authorize]
internal sealed class AuditService(AuditReads reads, AuditReports reports, LiveStreams streams) : Contracts.V1.AuditService.AuditServiceBase
{
    public override Task<ListEventsResponse> ListEvents(ListEventsRequest request, ServerCallContext context) =>
        reads.ListEventsAsync(context.Caller(), request, context.CancellationToken);

    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<LogEvent> responseStream, ServerCallContext context)
    {
        using var watching = streams.Watch(context);
        await reads.WatchEventsAsync(context.Caller(), request, responseStream, watching.Token);
    }

    public override Task<Checkpoint> GetCheckpoint(GetCheckpointRequest request, ServerCallContext context) =>
        reads.GetCheckpointAsync(request, context.CancellationToken);

    public override Task<InclusionProof> GetInclusionProof(GetInclusionProofRequest request, ServerCallContext context) =>
        reads.GetInclusionProofAsync(request, context.CancellationToken);

    public override Task<ConsistencyProof> GetConsistencyProof(GetConsistencyProofRequest request, ServerCallContext context) =>
        reads.GetConsistencyProofAsync(request, context.CancellationToken);

    public override Task<VerifyLogResponse> VerifyLog(VerifyLogRequest request, ServerCallContext context) =>
        reads.VerifyLogAsync(context.Caller(), request, context.CancellationToken);

    public override Task ExportLog(ExportLogRequest request, IServerStreamWriter<LogEvent> responseStream, ServerCallContext context) =>
        reads.ExportLogAsync(context.Caller(), request, responseStream, context.CancellationToken);

    public override Task<GetDocumentHistoryResponse> GetDocumentHistory(GetDocumentHistoryRequest request, ServerCallContext context) =>
        reports.GetDocumentHistoryAsync(context.Caller(), request, context.CancellationToken);

    public override Task<SlaReport> GetSlaReport(GetSlaReportRequest request, ServerCallContext context) =>
        reports.GetSlaReportAsync(context.Caller(), request, context.CancellationToken);
}
