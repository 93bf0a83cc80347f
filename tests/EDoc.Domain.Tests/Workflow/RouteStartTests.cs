using EDoc.Domain.Access;
using EDoc.Domain.Errors;
using EDoc.Domain.Workflow;
using static EDoc.Domain.Tests.Workflow.Routing;

namespace EDoc.Domain.Tests.Workflow;

public class RouteStartTests
{
    private static InvalidArgumentException Refused(params StageDefinition[] stages) => Assert.Throws<InvalidArgumentException>(() =>
        RouteRules.Start(Author, "route-1", DocumentId, Agency, stages, Monday, Kz));

    [Fact]
    public void Route_needs_at_least_one_stage()
    {
        Assert.Equal(("stages", "MISSING_FIELD"), (Refused().Violations[0].Field, Refused().Reason));
    }

    [Fact]
    public void Stage_needs_at_least_one_participant()
    {
        var refused = Refused(new StageDefinition("Approval", StageMode.Sequential, []));

        Assert.Equal("stages[0].participants", refused.Violations[0].Field);
    }

    [Fact]
    public void Participant_appears_at_most_once_in_a_stage()
    {
        var refused = Refused(
            Stage(StageMode.Sequential, TaskAction.Approve, "emp-a"),
            new StageDefinition("Approval", StageMode.ParallelAll,
                [new Participant("emp-a", TaskAction.Approve), new Participant("emp-a", TaskAction.Sign)]));

        Assert.Equal(("stages[1].participants[1].employee_id", "DUPLICATE_PARTICIPANT"), (refused.Violations[0].Field, refused.Reason));
    }

    [Fact]
    public void Same_employee_may_take_part_in_several_stages()
    {
        var events = RouteRules.Start(Author, "route-1", DocumentId, Agency,
            [Stage(StageMode.Sequential, TaskAction.Approve, "emp-a"), Stage(StageMode.Sequential, TaskAction.Sign, "emp-a")], Monday, Kz);

        Assert.IsType<RouteStarted>(events[0]);
    }

    [Theory]
    [InlineData(TaskAction.Rework)]
    [InlineData((TaskAction)0)]
    [InlineData((TaskAction)42)]
    public void Template_actions_are_approve_sign_acknowledge_or_execute(TaskAction action)
    {
        var refused = Refused(Stage(StageMode.Sequential, action, "emp-a"));

        Assert.Equal(("stages[0].participants[0].action", "INVALID_ACTION"), (refused.Violations[0].Field, refused.Reason));
    }

    [Fact]
    public void Every_wrong_field_is_reported_at_once()
    {
        var refused = Refused(
            new StageDefinition(" ", (StageMode)7, [new Participant("", TaskAction.Approve)], DeadlineWorkingDays: 0));

        Assert.Equal(["stages[0].name", "stages[0].mode", "stages[0].deadline_working_days", "stages[0].participants[0].employee_id"],
            refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Auditor_cannot_start_a_route()
    {
        var auditor = Employee("emp-auditor", Role.Auditor);

        Assert.Throws<PermissionDeniedException>(() =>
            RouteRules.Start(auditor, "route-1", DocumentId, Agency, [Stage(StageMode.Sequential, TaskAction.Approve, "emp-a")], Monday, Kz));
    }

    [Fact]
    public void Route_on_another_agencys_document_is_not_found()
    {
        Assert.Throws<NotFoundException>(() => RouteRules.Start(Author, "route-1", DocumentId, "agency-other",
            [Stage(StageMode.Sequential, TaskAction.Approve, "emp-a")], Monday, Kz));
    }

    [Fact]
    public void Agency_system_starts_a_route_on_behalf_of_a_named_author()
    {
        var system = new Caller("key-ias", CallerKind.ApiKey, Agency, new HashSet<Role> { Role.Registrar }, "Agency IS");
        StageDefinition[] stages = [Stage(StageMode.Sequential, TaskAction.Approve, "emp-a")];

        var missing = Assert.Throws<InvalidArgumentException>(() => RouteRules.Start(system, "route-1", DocumentId, Agency, stages, Monday, Kz));
        Assert.Equal("author_id", missing.Violations[0].Field);

        var started = Assert.IsType<RouteStarted>(
            RouteRules.Start(system, "route-1", DocumentId, Agency, stages, Monday, Kz, authorId: "emp-author")[0]);
        Assert.Equal("emp-author", started.AuthorId);
    }

    [Fact]
    public void Employee_starts_routes_as_their_own_author()
    {
        Assert.Throws<InvalidArgumentException>(() => RouteRules.Start(Author, "route-1", DocumentId, Agency,
            [Stage(StageMode.Sequential, TaskAction.Approve, "emp-a")], Monday, Kz, authorId: "emp-someone-else"));
    }

    [Fact]
    public void Route_keeps_its_own_copy_of_the_stages()
    {
        var participants = new List<Participant> { new("emp-a", TaskAction.Approve) };
        var events = RouteRules.Start(Author, "route-1", DocumentId, Agency,
            [new StageDefinition("  Approval ", StageMode.Sequential, participants)], Monday, Kz);

        participants.Add(new Participant("emp-b", TaskAction.Approve));

        var started = Assert.IsType<RouteStarted>(events[0]);
        Assert.Equal("Approval", started.Stages[0].Name);
        Assert.Single(started.Stages[0].Participants);
    }

    [Fact]
    public void Template_is_created_by_an_agency_admin_or_head_and_starts_routes()
    {
        StageDefinition[] stages = [Stage(StageMode.Sequential, TaskAction.Approve, "emp-a"), Stage(StageMode.Sequential, TaskAction.Sign, "emp-head")];
        var created = RouteRules.CreateTemplate(Employee("emp-admin", Role.AgencyAdmin), "tpl-outgoing", Agency, "Outgoing letter", stages);
        var template = RouteTemplate.From(created);

        var events = RouteRules.Start(Author, "route-1", DocumentId, template.AgencyId, template.Stages, Monday, Kz, templateId: template.Id);

        Assert.Equal("tpl-outgoing", Route.Replay(events).TemplateId);
        Assert.Throws<PermissionDeniedException>(() => RouteRules.CreateTemplate(Employee("emp-a"), "tpl-2", Agency, "Mine", stages));
        var invalid = Assert.Throws<InvalidArgumentException>(() =>
            RouteRules.CreateTemplate(Head, "tpl-3", Agency, "Empty", []));
        Assert.Equal("route_template.stages", invalid.Violations[0].Field);
    }

    [Fact]
    public void Task_ids_follow_the_route_id()
    {
        var route = RouteScenario.Start(Stage(StageMode.ParallelAll, TaskAction.Approve, "emp-a", "emp-b"));

        Assert.Equal(["route-1-t1", "route-1-t2"], route.Route.Tasks.Select(t => t.Id));
    }
}
