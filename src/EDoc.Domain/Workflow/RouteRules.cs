using EDoc.Domain.Access;
using EDoc.Domain.Calendar;
using EDoc.Domain.Errors;
using EDoc.Domain.Events;

namespace EDoc.Domain.Workflow;

/// <summary>
/// Decisions on routes: pure functions of (caller, route, command, clock, calendar) → the events to append, or a
/// domain error. Who exists and who substitutes whom is checked by the application layer before it asks.
/// </summary>
public static partial class RouteRules
{
    /// <summary>Most stages a route may have.</summary>
    public const int MaxStages = 20;

    /// <summary>Most participants one stage may have.</summary>
    public const int MaxParticipantsPerStage = 50;

    /// <summary>Longest stage deadline, in working days: about a year.</summary>
    public const int MaxDeadlineWorkingDays = 250;

    /// <summary>Longest name of a template or stage.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest comment, reason or resolution text.</summary>
    public const int MaxCommentLength = 4000;

    /// <summary>Longest execution report.</summary>
    public const int MaxReportLength = 20000;

    // Everyone who does document work; auditors change nothing and channels only serve citizens.
    private static readonly Role[] RoutingRoles =
        [Role.AgencyAdmin, Role.Registrar, Role.Head, Role.Executor, Role.Trainer, Role.Trainee];

    /// <summary>An agency admin or a head defines a reusable route for their agency.</summary>
    public static RouteTemplateCreated CreateTemplate(Caller caller, string templateId, string agencyId, string name,
        IReadOnlyList<StageDefinition> stages)
    {
        caller.EnsureActs(agencyId, "Agency", agencyId, "Creating a route template", Role.AgencyAdmin, Role.Head);
        var violations = new Violations()
            .Text("route_template.id", templateId)
            .Text("route_template.name", name, maxLength: MaxNameLength);
        StageValidation.Check(violations, "route_template.stages", stages);
        violations.ThrowIfAny();
        return new RouteTemplateCreated(templateId, agencyId, name.Trim(), StageValidation.Normalize(stages));
    }

    /// <summary>
    /// Starts a route on a document: the route as started, then the first stage's tasks, each due
    /// <see cref="StageDefinition.DeadlineWorkingDays"/> working days after today in Almaty. An employee starts routes
    /// as their own author; an agency system names the employee on whose behalf it starts one.
    /// </summary>
    public static IReadOnlyList<DomainEvent> Start(Caller caller, string routeId, string documentId, string agencyId,
        IReadOnlyList<StageDefinition> stages, DateTimeOffset now, WorkingCalendar calendar, string? templateId = null,
        string? authorId = null)
    {
        caller.EnsureActs(agencyId, "Document", documentId, "Starting a route", RoutingRoles);
        var violations = new Violations().Text("route_id", routeId).Text("document_id", documentId);
        var author = AuthorOf(caller, authorId, violations);
        StageValidation.Check(violations, "stages", stages);
        violations.ThrowIfAny();

        var decision = RouteDecision.Begin(
            new RouteStarted(routeId, documentId, agencyId, author, templateId, StageValidation.Normalize(stages)));
        StageProgress.Start(decision, 0, calendar.ToAlmatyDate(now), calendar);
        return decision.Events;
    }

    /// <summary>Withdraws an unfinished route: its author or a head may; every open task is cancelled.</summary>
    public static IReadOnlyList<DomainEvent> Cancel(Caller caller, Route route, string reason)
    {
        caller.EnsureSees(route.AgencyId, "Route", route.Id);
        if (caller.Id != route.AuthorId)
            caller.EnsureActs(route.AgencyId, "Route", route.Id, "Cancelling another author's route", Role.Head);
        new Violations().Text("reason", reason, maxLength: MaxCommentLength).ThrowIfAny();
        EnsureNotClosed(route);

        var decision = RouteDecision.On(route);
        StageProgress.CancelOpen(decision, TaskCancellationReason.RouteCancelled);
        decision.Emit(new RouteCancelled(route.Id, route.DocumentId, caller.Id, reason.Trim()));
        return decision.Events;
    }

    private static string AuthorOf(Caller caller, string? authorId, Violations violations)
    {
        if (caller.Kind == CallerKind.Employee)
        {
            if (authorId is not null && authorId != caller.Id)
                violations.Add("author_id", "must be empty or the caller: an employee starts routes as their own author");
            return caller.Id;
        }
        if (string.IsNullOrWhiteSpace(authorId))
        {
            violations.Add("author_id", "is required when a system starts a route: returned documents go to the author", "MISSING_FIELD");
            return "";
        }
        return authorId;
    }

    private static void EnsureNotClosed(Route route)
    {
        if (route.IsClosed)
            throw new FailedPreconditionException("ROUTE_CLOSED", $"Route '{route.Id}' is already {route.Status}.", route.Id);
    }
}
