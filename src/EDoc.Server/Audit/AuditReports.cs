using System.Globalization;
using EDoc.Domain.Access;
using EDoc.Domain.Audit;
using EDoc.Domain.Calendar;
using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using EDoc.Server.Paging;
using EDoc.Server.Workflow;
using EDoc.Storage;
using EDoc.Storage.Queries;
using Google.Protobuf.WellKnownTypes;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Audit;

/// <summary>The audit reports: a document's history across its streams, and an agency's SLA report.</summary>
internal sealed class AuditReports(IEDocStore store, PageTokens tokens, TimeProvider clock)
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Kazakhstan;

    public async Task<Proto.GetDocumentHistoryResponse> GetDocumentHistoryAsync(Caller caller, Proto.GetDocumentHistoryRequest request,
        CancellationToken ct)
    {
        new Violations().Id("document_id", request.DocumentId).ThrowIfAny();
        var size = PageTokens.Size(request.PageSize);
        var list = "history\n" + request.DocumentId;
        var after = tokens.Decode(request.PageToken, list) is { } token ? long.Parse(token, CultureInfo.InvariantCulture) : 0;
        var document = await store.Documents.GetDocumentAsync(request.DocumentId, ct)
                       ?? throw new NotFoundException("Document", request.DocumentId);
        ReportRules.EnsureReadsHistory(caller, document.Id, document.AgencyId);
        // The document's own stream and every route's on it; routes started between pages join from the next page on.
        var streams = (await store.Reports.RouteIdsOfDocumentAsync(document.Id, ct)).Select(WorkflowStreams.Route)
            .Prepend(Document.StreamIdFor(document.Id)).ToList();
        var page = await store.Reports.StreamsEventsAsync(streams, after, size, ct);
        return new Proto.GetDocumentHistoryResponse
        {
            Entries = { page.Items.Select(HistorySummaries.ToEntry) }, NextPageToken = tokens.Encode(page.NextAfter, list),
        };
    }

    public async Task<Proto.SlaReport> GetSlaReportAsync(Caller caller, Proto.GetSlaReportRequest request, CancellationToken ct)
    {
        var agencyId = ReportRules.SlaScope(caller, Mapping.OrNull(request.AgencyId));
        var violations = new Violations();
        var start = WorkflowMapping.ToDate(violations, "start_date", request.StartDate, required: true);
        var end = WorkflowMapping.ToDate(violations, "end_date", request.EndDate, required: true);
        if (start > end) violations.Add("end_date", "must not be before start_date");
        violations.ThrowIfAny();
        _ = await store.Directory.GetAgencyAsync(agencyId, ct) ?? throw new NotFoundException("Agency", agencyId);

        var rows = await store.Reports.SlaTasksAsync(agencyId, AlmatyMidnight(start!.Value), AlmatyMidnight(end!.Value.AddDays(1)), ct);
        var tasks = rows.Select(r => new SlaTask(r.Task.Id, r.Task.AssigneeId, r.OrgUnitId, r.Task.Status, Calendar.ToAlmatyDate(r.AssignedAt),
            r.Task.DueDate, r.CompletedAt is { } done ? Calendar.ToAlmatyDate(done) : null));
        var today = Calendar.ToAlmatyDate(clock.GetUtcNow());
        var result = new SlaCalculator(Calendar).Calculate(tasks, today);
        return new Proto.SlaReport
        {
            AgencyId = agencyId,
            StartDate = request.StartDate,
            EndDate = request.EndDate,
            AsOfDate = WorkflowMapping.ToProto(today),
            Totals = ToProto(result.Totals),
            Units = { result.Units.Select(u => new Proto.SlaUnitRow { OrgUnitId = u.OrgUnitId ?? "", Figures = ToProto(u.Figures) }) },
            Employees =
            {
                result.Employees.Select(e => new Proto.SlaEmployeeRow
                {
                    EmployeeId = e.EmployeeId, OrgUnitId = e.OrgUnitId ?? "", Figures = ToProto(e.Figures),
                }),
            },
        };
    }

    /// <summary>The instant a day begins in Almaty.</summary>
    private static DateTimeOffset AlmatyMidnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, WorkingCalendar.AlmatyTimeZone.GetUtcOffset(local));
    }

    private static Proto.SlaFigures ToProto(SlaFigures f)
    {
        var figures = new Proto.SlaFigures
        {
            TasksTotal = f.TasksTotal, Completed = f.Completed, CompletedOnTime = f.CompletedOnTime, CompletedLate = f.CompletedLate,
            Open = f.Open, OpenOverdue = f.OpenOverdue,
        };
        if (f.OnTimePercent is { } percent) figures.OnTimePercent = percent;
        if (f.AverageHandlingWorkingDays is { } days) figures.AverageHandlingWorkingDays = days;
        return figures;
    }
}

/// <summary>History entries of log events: who acted for whom, and a one-line English summary.</summary>
internal static class HistorySummaries
{
    public static Proto.HistoryEntry ToEntry(Storage.EventLog.RecordedEvent recorded)
    {
        var e = recorded.Event;
        // Route events say who answered or delegated and for whom; the route history's rule is the one the inbox shows.
        var who = e is Domain.Workflow.RouteEvent
            ? RouteHistoryEntry.From(e, recorded.ActorId, recorded.OnBehalfOf, recorded.RecordedAt)
            : null;
        var actor = who?.ActorId ?? recorded.ActorId;
        var onBehalfOf = who is null ? recorded.OnBehalfOf : who.OnBehalfOf;
        var summary = recorded.EventType + ": " + Describe(e, actor);
        if (onBehalfOf is not null) summary += " for " + onBehalfOf;
        return new Proto.HistoryEntry
        {
            Sequence = recorded.Sequence,
            RecordTime = Timestamp.FromDateTimeOffset(recorded.RecordedAt),
            EventType = recorded.EventType,
            StreamId = recorded.StreamId,
            ActorId = actor,
            OnBehalfOf = onBehalfOf ?? "",
            Summary = summary,
            PayloadJson = recorded.Payload,
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Describe(Domain.Events.DomainEvent e, string actor) => e switch
    {
        DocumentCreated c => $"{c.Kind} \"{c.Title}\" created by {actor}",
        DocumentUpdated => $"details changed by {actor}",
        ContentVersionAdded c => $"content version {c.Number} ({c.Size} bytes) added by {actor}",
        DocumentRegistered r => $"registered as {r.Number} on {Day(r.RegisteredOn)} by {r.RegisteredBy}"
                                + (r.DueDate is { } due ? $", answer due {Day(due)}" : ""),
        DocumentSent s => $"sent to {s.ToAgencyId} by {s.SentBy}",
        DocumentDelivered d => $"received from {d.OriginAgencyId} as {d.OriginNumber}",
        DeliveryReceiptIssued r => $"delivered to {r.ToAgencyId}",
        AppealExtended x => $"answer due date moved from {Day(x.PreviousDueDate)} to {Day(x.NewDueDate)} by {x.ExtendedBy}",
        AppealForwarded f => $"forwarded to {f.ToAgencyId} by {f.ForwardedBy}",
        DocumentPutOnControl c => $"put on control of {c.ControllerId} until {Day(c.DueDate)}",
        DocumentClosed c => $"closed by {c.ClosedBy}",
        DocumentRouted r => $"in route {r.RouteId}",
        DocumentRouteEnded r => $"route {r.RouteId} ended ({r.Outcome})",
        Domain.Workflow.RouteStarted s => $"route {s.RouteId} with {s.Stages.Count} stage(s) started by {s.AuthorId}",
        Domain.Workflow.ResolutionIssued r => $"resolution by {r.AuthorId} to {string.Join(", ", r.ExecutorIds)}, due {Day(r.DueDate)}",
        Domain.Workflow.StageStarted s => $"stage {s.StageIndex + 1} started",
        Domain.Workflow.TaskAssigned a => $"{a.Action} task for {a.AssigneeId}" + (a.DueDate is { } due ? $", due {Day(due)}" : ""),
        Domain.Workflow.TaskCompleted c => $"{c.Outcome} by {c.ActedBy}",
        Domain.Workflow.TaskCancelled c => $"task {c.TaskId} cancelled ({c.Reason})",
        Domain.Workflow.TaskDelegated d => $"task delegated by {d.DelegatedBy} to {d.ToEmployeeId}",
        Domain.Workflow.StageCompleted s => $"stage {s.StageIndex + 1} completed",
        Domain.Workflow.RouteCompleted => "route completed",
        Domain.Workflow.RouteRejected r => $"rejected by {r.RejectedBy}",
        Domain.Workflow.RouteReturnedForRework r => $"returned for rework by {r.ReturnedBy}",
        Domain.Workflow.RouteCancelled c => $"route cancelled by {c.CancelledBy}",
        Domain.Workflow.DeadlineExtended x => $"deadline moved to {Day(x.NewDueDate)} by {x.ExtendedBy}",
        Domain.Workflow.TaskOverdue o => $"task of {o.AssigneeId} overdue since {Day(o.DueDate)}"
                                         + (o.SupervisorId is null ? "" : $", escalated to {o.SupervisorId}"),
        Domain.Workflow.ExecutorReminded r => $"{r.AssigneeId} reminded of the control date {Day(r.DueDate)}",
        _ => $"by {actor}",
    };
}
