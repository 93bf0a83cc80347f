using EDoc.Domain.Access;
using EDoc.Domain.Calendar;
using EDoc.Domain.Certificates;
using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using EDoc.Domain.Workflow;
using EDoc.Server.Commands;
using EDoc.Server.Hosting;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using Microsoft.Extensions.Options;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Certificates;

/// <summary>Certificate commands: types, citizens' requests (instant issue or a routed manual request), revocation, ratings.</summary>
internal sealed class CertificateCommands(
    CommandExecutor executor, IEDocStore store, CertificateIssuer issuer, CertificateVerification verification, IOptions<EDocOptions> options)
{
    /// <summary>Working days an employee has to decide a manual request.</summary>
    private const int ManualDecisionWorkingDays = 5;

    private string VerifyBase => options.Value.VerifyBase;

    public Task<Proto.CertificateType> CreateTypeAsync(Caller caller, Proto.CreateCertificateTypeRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var definition = CertificateMapping.ToDomain(v, request.CertificateType);
        v.ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.CertificateService.CertificateServiceBase.CreateCertificateType));
        return executor.ExecuteAsync(context, async _ =>
        {
            var (registry, handler) = await ReferencesAsync(definition, ct);
            var created = CertificateRules.CreateType(caller, definition, registry, handler);
            return new Decision<Proto.CertificateType>(CertificateMapping.ToProto(CertificateType.From(created)),
                new StreamWrite(CertificateStreams.Type(created.Code), created.IssuingAgencyId, 0, [created]));
        }, ct);
    }

    public Task<Proto.CertificateType> UpdateTypeAsync(Caller caller, Proto.UpdateCertificateTypeRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var definition = CertificateMapping.ToDomain(v, request.CertificateType);
        if (request.CertificateType?.Version < 0) v.Add("certificate_type.version", "must not be negative");
        v.ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.CertificateService.CertificateServiceBase.UpdateCertificateType));
        return executor.ExecuteAsync(context, async _ =>
        {
            var existing = await VisibleTypeAsync(caller, definition.Code, ct);
            var (registry, handler) = await ReferencesAsync(definition, ct);
            var updated = CertificateRules.UpdateType(caller, existing, definition, registry, handler);
            var expected = request.CertificateType!.Version == 0 ? existing.Version : request.CertificateType.Version;
            return new Decision<Proto.CertificateType>(CertificateMapping.ToProto(existing.Apply(updated, expected + 1)),
                [new StreamWrite(CertificateStreams.Type(existing.Code), existing.IssuingAgencyId, expected, [updated])], [],
                CallerNamedVersion: request.CertificateType.Version != 0);
        }, ct);
    }

    /// <summary>
    /// An instant type is issued in the same commit as the request, so a citizen never holds a request without its
    /// certificate; a manual one becomes a document routed to the type's handler in the issuing agency.
    /// </summary>
    public Task<Proto.ServiceRequest> RequestAsync(Caller caller, Proto.RequestCertificateRequest request, CancellationToken ct)
    {
        var v = new Violations().Iin("iin", request.Iin).Id("certificate_type", request.CertificateType);
        var language = CertificateMapping.ToDomain(v, "language", request.Language);
        var channel = CertificateMapping.ToDomain(v, "channel", request.Channel);
        v.ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.CertificateService.CertificateServiceBase.RequestCertificate));
        // Chosen once, so a retry after a conflict decides on the same ids.
        var requestId = ResourceId.New("req");
        return executor.ExecuteAsync(context, async now =>
        {
            var type = await store.Certificates.GetTypeAsync(request.CertificateType, ct)
                       ?? throw new NotFoundException("CertificateType", request.CertificateType);
            var (record, known) = await store.Registries.FindCitizenAsync(type.SourceRegistry, request.Iin, ct);
            return type.Mode == IssueMode.Instant
                ? await IssueInstantlyAsync(caller, requestId, type, request.Iin, language, channel, record, known, now, ct)
                : await RouteManualAsync(caller, requestId, type, request.Iin, language, channel, record, known, now, ct);
        }, ct);
    }

    public async Task<Proto.Certificate> RevokeAsync(Caller caller, Proto.RevokeCertificateRequest request, CancellationToken ct)
    {
        new Violations().Text("number", request.Number).ThrowIfAny();
        var number = CertificateNumber.Normalize(request.Number);
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.CertificateService.CertificateServiceBase.RevokeCertificate));
        var reply = await executor.ExecuteAsync(context, async now =>
        {
            var certificate = await store.Certificates.GetAsync(number, ct) is { } found && caller.Sees(found.AgencyId)
                ? found
                : throw new NotFoundException("Certificate", number);
            var revoked = CertificateRules.Revoke(caller, certificate, request.Reason);
            return new Decision<Proto.Certificate>(CertificateMapping.ToProto(certificate.Apply(revoked, now, certificate.Version + 1), VerifyBase),
                new StreamWrite(CertificateStreams.Certificate(number), certificate.AgencyId, certificate.Version, [revoked]));
        }, ct);
        // Every verification from now on must say REVOKED, on every instance: the cached answer is replaced before the reply.
        if (await store.Certificates.GetAsync(number, ct) is { } stored) await verification.RefreshAsync(stored, ct);
        return reply;
    }

    public Task<Proto.Rating> RateAsync(Caller caller, Proto.RateServiceRequest request, CancellationToken ct)
    {
        new Violations().Text("service_request_id", request.ServiceRequestId).ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.CertificateService.CertificateServiceBase.RateService));
        return executor.ExecuteAsync(context, async now =>
        {
            var served = await store.Certificates.GetRequestAsync(request.ServiceRequestId, ct)
                         ?? throw new NotFoundException("ServiceRequest", request.ServiceRequestId);
            var rated = CertificateRules.Rate(caller, served, request.Score, request.Comment);
            return new Decision<Proto.Rating>(CertificateMapping.ToProto(rated, now),
                new StreamWrite(CertificateStreams.Request(served.Id), served.AgencyId, served.Version, [rated]));
        }, ct);
    }

    private async Task<Decision<Proto.ServiceRequest>> IssueInstantlyAsync(Caller caller, string requestId, CertificateType type, string iin,
        CertificateLanguage language, IssueChannel channel, Domain.Registries.RegistryRecord? record, bool known, DateTimeOffset now,
        CancellationToken ct)
    {
        var requested = CertificateRules.Request(caller, requestId, type, iin, language, channel, record, known);
        var pending = ServiceRequest.From(requested, now, 1);
        var (issued, served) = await issuer.IssueAsync(pending, type, record, known, now, null, null, ct);
        var certificate = Certificate.From(issued, 1);
        return new Decision<Proto.ServiceRequest>(
            CertificateMapping.ToProto(pending.Apply(served, now, 2), certificate, VerifyBase),
            new StreamWrite(CertificateStreams.Request(requestId), type.IssuingAgencyId, 0, [requested, served]),
            new StreamWrite(CertificateStreams.Certificate(issued.Number), type.IssuingAgencyId, 0, [issued]));
    }

    private async Task<Decision<Proto.ServiceRequest>> RouteManualAsync(Caller caller, string requestId, CertificateType type, string iin,
        CertificateLanguage language, IssueChannel channel, Domain.Registries.RegistryRecord? record, bool known, DateTimeOffset now,
        CancellationToken ct)
    {
        var handler = await store.Directory.GetEmployeeAsync(type.HandlerEmployeeId ?? "", ct);
        if (handler is null || handler.AgencyId != type.IssuingAgencyId)
            throw new FailedPreconditionException("NO_HANDLER", $"Certificate type '{type.Code}' has no handler in its agency.", type.Code);
        var documentId = ResourceId.New("doc");
        var routeId = ResourceId.New("route");
        var requested = CertificateRules.Request(caller, requestId, type, iin, language, channel, record, known, documentId, routeId);
        // The request enters the agency like any incoming document, registered by the certificate service on the
        // agency's behalf and routed to the handler, so it sits in their inbox with its legal deadline.
        var service = SystemCaller(type.IssuingAgencyId);
        var created = DocumentRules.Create(service, type.IssuingAgencyId, documentId, DocumentKind.Incoming,
            $"{type.Name.In(language)}: {record!.FullName}", $"{iin} · {requestId}", language.Code(), record.FullName, null);
        var route = RouteRules.Start(service, routeId, documentId, type.IssuingAgencyId,
            [new StageDefinition("decision", StageMode.Sequential, [new Participant(handler.Id, TaskAction.Approve)], ManualDecisionWorkingDays)],
            now, WorkingCalendar.Kazakhstan, authorId: handler.Id);
        return new Decision<Proto.ServiceRequest>(
            CertificateMapping.ToProto(ServiceRequest.From(requested, now, 1), null, VerifyBase),
            new StreamWrite(CertificateStreams.Request(requestId), type.IssuingAgencyId, 0, [requested]),
            new StreamWrite(Document.StreamIdFor(documentId), type.IssuingAgencyId, 0, [created, .. DocumentRules.FollowRoute(route)]),
            new StreamWrite(WorkflowStreams.Route(routeId), type.IssuingAgencyId, 0, route));
    }

    /// <summary>
    /// The certificate service itself, acting in an issuing agency: it files manual requests as incoming documents and
    /// answers them once the agency decided. Its id marks those events in the log as the service's own.
    /// </summary>
    public static Caller SystemCaller(string agencyId) =>
        new("edoc-certificates", CallerKind.ApiKey, agencyId, new HashSet<Role> { Role.Registrar }, "EDoc certificate service");

    private async Task<CertificateType> VisibleTypeAsync(Caller caller, string code, CancellationToken ct) =>
        await store.Certificates.GetTypeAsync(code, ct) is { } type && caller.Sees(type.IssuingAgencyId)
            ? type
            : throw new NotFoundException("CertificateType", code);

    private async Task<(Domain.Registries.Registry Registry, Domain.Directory.Employee? Handler)> ReferencesAsync(
        CertificateTypeDefinition d, CancellationToken ct)
    {
        if (await store.Directory.GetAgencyAsync(d.IssuingAgencyId, ct) is null) throw new NotFoundException("Agency", d.IssuingAgencyId);
        var registry = await store.Registries.GetAsync(d.SourceRegistry, ct) ?? throw new NotFoundException("Registry", d.SourceRegistry);
        var handler = d.HandlerEmployeeId is { } id ? await store.Directory.GetEmployeeAsync(id, ct) : null;
        return (registry, handler);
    }
}
