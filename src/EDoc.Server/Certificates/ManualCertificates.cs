using EDoc.Domain.Certificates;
using EDoc.Domain.Errors;
using EDoc.Domain.Workflow;
using Route = EDoc.Domain.Workflow.Route;
using EDoc.Server.Commands;
using EDoc.Server.Hosting;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using Microsoft.Extensions.Options;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Certificates;

/// <summary>
/// Answers manual requests once their route is decided: approved → the certificate is issued from the registry as it
/// is then, credited to the employee who approved; rejected or withdrawn → refused with their comment. Every instance
/// runs it; the request's stream version lets exactly one answer stand.
/// </summary>
internal sealed class ManualCertificates(
    IEDocStore store, CommandExecutor executor, CertificateIssuer issuer, IOptions<EDocOptions> options, TimeProvider clock,
    ILogger<ManualCertificates> logger)
    : PeriodicJob(options.Value.ManualCertificateScanInterval, clock, logger)
{
    /// <summary>Requests looked at per round.</summary>
    private const int Batch = 200;

    /// <summary>
    /// Answers every pending request whose route has ended, a batch at a time; the store picks them out, so a backlog of
    /// undecided requests (which may wait days) costs nothing per round.
    /// </summary>
    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var after = "";
        List<Domain.Certificates.ServiceRequest> batch;
        do
        {
            batch = await store.Certificates.DecidedManualAsync(after, Batch, ct);
            foreach (var pending in batch) await AnswerIfDecidedAsync(pending, ct);
            if (batch.Count > 0) after = batch[^1].Id;
        } while (batch.Count == Batch);
    }

    private async Task AnswerIfDecidedAsync(Domain.Certificates.ServiceRequest pending, CancellationToken ct)
    {
        var route = pending.RouteId is { } id ? (await store.Workflow.GetRouteAsync(id, ct))?.Route : null;
        if (route is null || route.Status is RouteStatus.Active or RouteStatus.ReturnedForRework) return;
        try
        {
            await AnswerAsync(pending.Id, route, ct);
        }
        catch (FailedPreconditionException e) when (e.Reason == "REQUEST_COMPLETED")
        {
            // Another instance answered it first.
        }
        catch (DomainException e)
        {
            logger.LogWarning("Manual certificate request {Request} could not be answered: {Reason} {Message}", pending.Id, e.Reason, e.Message);
        }
    }

    private Task<Proto.ServiceRequest> AnswerAsync(string requestId, Route route, CancellationToken ct)
    {
        var decider = route.Tasks.LastOrDefault(t => t.Outcome is not null);
        var employeeId = decider?.ActedBy ?? decider?.AssigneeId;
        return executor.ExecuteAsync(new CommandContext(CertificateCommands.SystemCaller(route.AgencyId), null, "AnswerCertificateRequest"), async now =>
        {
            var request = await store.Certificates.GetRequestAsync(requestId, ct) ?? throw new NotFoundException("ServiceRequest", requestId);
            var unitId = employeeId is null ? null : (await store.Directory.GetEmployeeAsync(employeeId, ct))?.OrgUnitId;
            var stream = CertificateStreams.Request(request.Id);
            if (route.Status != RouteStatus.Completed)
            {
                var refused = CertificateRules.Refuse(request, decider?.Comment ?? route.Status.ToString(), employeeId, unitId);
                return new Decision<Proto.ServiceRequest>(
                    CertificateMapping.ToProto(request.Apply(refused, now, request.Version + 1), null, options.Value.VerifyBase),
                    new StreamWrite(stream, request.AgencyId, request.Version, [refused])) { OnBehalfOf = employeeId };
            }
            var type = await store.Certificates.GetTypeAsync(request.TypeCode, ct) ?? throw new NotFoundException("CertificateType", request.TypeCode);
            var (record, known) = await store.Registries.FindCitizenAsync(type.SourceRegistry, request.Iin, ct);
            var (issued, served) = await issuer.IssueAsync(request, type, record, known, now, employeeId, unitId, ct);
            return new Decision<Proto.ServiceRequest>(CertificateMapping.ToProto(request.Apply(served, now, request.Version + 1),
                    Certificate.From(issued, 1), options.Value.VerifyBase),
                new StreamWrite(stream, request.AgencyId, request.Version, [served]),
                new StreamWrite(CertificateStreams.Certificate(issued.Number), request.AgencyId, 0, [issued])) { OnBehalfOf = employeeId };
        }, ct);
    }
}
