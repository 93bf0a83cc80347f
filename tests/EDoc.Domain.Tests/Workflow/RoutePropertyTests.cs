using EDoc.Domain.Events;
using EDoc.Domain.Workflow;
using FsCheck.Xunit;
using static EDoc.Domain.Tests.Workflow.Routing;

namespace EDoc.Domain.Tests.Workflow;

/// <summary>
/// Random route shapes driven to the end by random valid answers, delegations and returns: the route must always
/// complete, and the log must always replay (through the JSON it is stored as) to the state the rules decided on.
/// </summary>
public class RoutePropertyTests
{
    private static readonly string[] People = ["emp-a", "emp-b", "emp-c", "emp-d", "emp-e", "emp-f"];
    private static readonly TaskAction[] Actions = [TaskAction.Approve, TaskAction.Sign, TaskAction.Acknowledge, TaskAction.Execute];
    private const int MaxReturns = 2;

    [Property(MaxTest = 300)]
    public void Any_route_answered_in_any_valid_order_completes_and_replays_to_the_same_state(int shapeSeed, int orderSeed)
    {
        var random = new Random(unchecked(shapeSeed * 7919 + orderSeed));
        var stages = RandomStages(random);
        var route = RouteScenario.From(RouteRules.Start(Author, "route-1", DocumentId, Agency, stages,
            At(2025, 1, 1).AddDays(random.Next(700)), Kz));
        var returns = 0;

        for (var step = 0; !route.Route.IsClosed; step++)
        {
            Assert.True(step < 1000, "the route never ended");
            route.Now = route.Now.AddHours(random.Next(60));
            var task = route.Route.OpenTasks.ElementAt(random.Next(route.Route.OpenTasks.Count()));
            var caller = Employee(task.AssigneeId);
            var delegateTo = People.Where(p => p != task.AssigneeId && !route.Route.OpenTasks.Any(t => t.AssigneeId == p)).ToArray();

            if (random.Next(10) == 0 && delegateTo.Length > 0)
            {
                route.Record(RouteRules.DelegateTask(caller, route.Route,
                    new TaskDelegation(task.Id, delegateTo[random.Next(delegateTo.Length)], task.Version, "over to you")));
            }
            else
            {
                var outcome = returns < MaxReturns && random.Next(12) == 0 && task.Action.Allows(TaskOutcome.ReturnedForRework)
                    ? TaskOutcome.ReturnedForRework
                    : Positive(task.Action);
                if (outcome == TaskOutcome.ReturnedForRework) returns++;
                route.Record(RouteRules.CompleteTask(caller, route.Route,
                    new TaskDecision(task.Id, outcome, task.Version, "reasons", "report", SignatureVerified: true), route.Now, Kz));
            }

            AssertInvariants(route.Route);
            AssertReplays(route);
        }

        Assert.Equal(RouteStatus.Completed, route.Route.Status);
        Assert.All(route.Route.Tasks, t => Assert.Contains(t.Status, new[] { RouteTaskStatus.Done, RouteTaskStatus.Cancelled, RouteTaskStatus.Delegated }));
        AssertEveryStageGotItsAnswers(route.Route);
        Assert.Equal(route.Route.Stages.Count, route.Log.OfType<StageCompleted>().Count());
    }

    private static StageDefinition[] RandomStages(Random random) =>
        Enumerable.Range(0, 1 + random.Next(4)).Select(i => new StageDefinition(
            $"Stage {i}",
            (StageMode)(1 + random.Next(3)),
            People.OrderBy(_ => random.Next()).Take(1 + random.Next(4))
                .Select(p => new Participant(p, Actions[random.Next(Actions.Length)])).ToArray(),
            random.Next(3) == 0 ? null : 1 + random.Next(15))).ToArray();

    private static TaskOutcome Positive(TaskAction action) => action switch
    {
        TaskAction.Approve => TaskOutcome.Approved,
        TaskAction.Sign => TaskOutcome.Signed,
        TaskAction.Acknowledge => TaskOutcome.Acknowledged,
        TaskAction.Execute => TaskOutcome.Executed,
        _ => TaskOutcome.Reworked,
    };

    private static void AssertInvariants(Route route)
    {
        var open = route.OpenTasks.ToArray();
        if (route.Status == RouteStatus.ReturnedForRework)
        {
            Assert.Equal(TaskAction.Rework, Assert.Single(open).Action);
            return;
        }
        if (route.IsClosed)
        {
            Assert.Empty(open);
            return;
        }
        Assert.NotEmpty(open);
        Assert.All(open, t => Assert.Equal((route.CurrentStage, route.Round), (t.StageIndex, t.Round)));
        Assert.Equal(open.Length, open.Select(t => t.AssigneeId).Distinct().Count());
        if (route.Stages[route.CurrentStage].Mode == StageMode.Sequential) Assert.Single(open);
    }

    private static void AssertReplays(RouteScenario route)
    {
        var fromLog = Route.Replay(route.Log.Select(EventJson.RoundTrip));

        Assert.Equal(EventJson.Snapshot(route.Route), EventJson.Snapshot(fromLog));
        Assert.Equal(route.Log.Count, fromLog.Version);
    }

    // In the last round of each stage, every participant's place was answered (ALL, sequential) or exactly one (ANY).
    private static void AssertEveryStageGotItsAnswers(Route route)
    {
        for (var i = 0; i < route.Stages.Count; i++)
        {
            var lastRound = route.Tasks.Where(t => t.StageIndex == i && t.Slot is not null).Max(t => t.Round);
            var done = route.Tasks.Where(t => t.StageIndex == i && t.Round == lastRound && t.Status == RouteTaskStatus.Done).ToArray();
            var stage = route.Stages[i];
            if (stage.Mode == StageMode.ParallelAny) Assert.Single(done);
            else Assert.Equal(Enumerable.Range(0, stage.Participants.Count), done.Select(t => t.Slot!.Value).Order());
        }
    }
}
