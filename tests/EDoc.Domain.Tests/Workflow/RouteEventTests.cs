using EDoc.Domain.Events;
using EDoc.Domain.Workflow;
using static EDoc.Domain.Tests.Workflow.Routing;

namespace EDoc.Domain.Tests.Workflow;

public class RouteEventTests
{
    public static TheoryData<DomainEvent> OneOfEach() =>
    [
        new RouteTemplateCreated("tpl-1", Agency, "Outgoing letter",
            [new StageDefinition("Approval", StageMode.ParallelAny, [new Participant("emp-a", TaskAction.Approve)], 3)]),
        new RouteStarted("route-1", DocumentId, Agency, "emp-author", null,
            [new StageDefinition("Signature", StageMode.Sequential, [new Participant("emp-head", TaskAction.Sign)])]),
        new ResolutionIssued("route-1", DocumentId, Agency, "emp-head", ["emp-a", "emp-b"], "emp-a", "emp-c", new DateOnly(2026, 4, 15), "Execute"),
        new StageStarted("route-1", 1, 2),
        new TaskAssigned("route-1", "route-1-t1", 0, 1, 0, "emp-a", TaskAction.Execute, new DateOnly(2026, 4, 15), true, null),
        new TaskAssigned("route-1", "route-1-t2", 0, 1, null, "emp-author", TaskAction.Rework, null, false, "route-1-t1"),
        new TaskCompleted("route-1", "route-1-t1", TaskOutcome.Executed, "emp-sub", "emp-a", null, "Done"),
        new TaskCancelled("route-1", "route-1-t1", TaskCancellationReason.StageCompleted),
        new TaskDelegated("route-1", "route-1-t1", "emp-d", "route-1-t2", "emp-a", null, "Please"),
        new StageCompleted("route-1", 0),
        new RouteCompleted("route-1", DocumentId),
        new RouteRejected("route-1", DocumentId, 0, "route-1-t1", "emp-a", "No"),
        new RouteReturnedForRework("route-1", DocumentId, 0, "route-1-t1", "emp-a", "Fix"),
        new RouteCancelled("route-1", DocumentId, "emp-author", "Withdrawn"),
        new DeadlineExtended("route-1", "route-1-t1", null, new DateOnly(2026, 4, 20), "emp-head", "Reasons"),
        new TaskOverdue("route-1", "route-1-t1", "emp-a", new DateOnly(2026, 4, 15), null),
        new ExecutorReminded("route-1", "route-1-t1", "emp-a", new DateOnly(2026, 4, 15), "emp-controller"),
    ];

    [Theory]
    [MemberData(nameof(OneOfEach))]
    public void Event_survives_the_json_of_the_log(DomainEvent e)
    {
        var json = EventJson.Write(e);

        Assert.Equal(json, EventJson.Write(EventJson.RoundTrip(e)));
        if (e is RouteEvent) Assert.StartsWith("{\"routeId\":\"route-1\"", json);
    }

    [Fact]
    public void Every_workflow_event_type_is_covered_and_named_in_the_past_tense()
    {
        var types = typeof(RouteEvent).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RouteEvent).Namespace && t.IsSubclassOf(typeof(DomainEvent)) && !t.IsAbstract)
            .ToArray();

        Assert.Equal(types.Select(t => t.Name).Order(), ((IEnumerable<object[]>)OneOfEach()).Select(row => row[0].GetType().Name).Distinct().Order());
        Assert.All(types, t => Assert.Matches("(ed|Overdue|ForRework)$", t.Name));
    }

    [Fact]
    public void Workflow_event_names_are_unique_in_the_domain()
    {
        // The log stores events by type name alone.
        var names = typeof(DomainEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DomainEvent)) && !t.IsAbstract)
            .GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(names);
    }
}
