using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using EDoc.Domain.Events;
using EDoc.Domain.Workflow;
using static EDoc.Domain.Tests.Documents.DocumentFixtures;

namespace EDoc.Domain.Tests.Documents;

/// <summary>A document's status follows its routes: IN_ROUTE while any is under way, back to where it was after the last.</summary>
public class DocumentRoutingTests
{
    private static readonly StageDefinition Approval =
        new("Approval", StageMode.Sequential, [new Participant("emp-head", TaskAction.Approve)], 3);

    private static Document Follow(Document doc, IEnumerable<DomainEvent> routeEvents) =>
        DocumentRules.FollowRoute(routeEvents.ToArray()).Aggregate(doc, (d, e) => d.Then(e));

    private static IReadOnlyList<DomainEvent> Started(string routeId, string documentId = "doc-1") =>
        RouteRules.Start(Registrar, routeId, documentId, AgencyA, [Approval], Wednesday, Kz);

    [Fact]
    public void Only_a_routes_start_and_end_concern_the_document()
    {
        var start = Started("route-1");

        var events = DocumentRules.FollowRoute(
        [
            .. start, new StageCompleted("route-1", 0), new RouteCompleted("route-1", "doc-1"),
            new RouteRejected("route-2", "doc-1", 0, "task-1", "emp-head", "No"), new RouteCancelled("route-3", "doc-1", "emp-author", "Withdrawn"),
        ]);

        Assert.Equal<DomainEvent>(
        [
            new DocumentRouted("doc-1", "route-1"), new DocumentRouteEnded("doc-1", "route-1", RouteStatus.Completed),
            new DocumentRouteEnded("doc-1", "route-2", RouteStatus.Rejected), new DocumentRouteEnded("doc-1", "route-3", RouteStatus.Cancelled),
        ], events);
    }

    [Theory]
    [InlineData(RouteStatus.Completed)]
    [InlineData(RouteStatus.Rejected)]
    [InlineData(RouteStatus.Cancelled)]
    public void A_registered_document_is_in_route_and_then_registered_again_whatever_the_outcome(RouteStatus outcome)
    {
        var registered = Draft(DocumentKind.Internal).Registered(Wednesday);

        var routed = Follow(registered, Started("route-1"));
        var ended = routed.Then(new DocumentRouteEnded(registered.Id, "route-1", outcome));

        Assert.Equal((DocumentStatus.InRoute, registered.Version + 1), (routed.Status, routed.Version));
        Assert.Equal((DocumentStatus.Registered, 0), (ended.Status, ended.RoutesInProgress));
        Assert.Equal(registered.Registration, ended.Registration);
    }

    [Fact]
    public void The_last_route_to_end_moves_the_status()
    {
        var registered = Draft(DocumentKind.Internal).Registered(Wednesday);
        var both = Follow(Follow(registered, Started("route-1")), Started("route-2"));

        var oneLeft = both.Then(new DocumentRouteEnded(registered.Id, "route-1", RouteStatus.Completed));
        var none = oneLeft.Then(new DocumentRouteEnded(registered.Id, "route-2", RouteStatus.Completed));

        Assert.Equal((DocumentStatus.InRoute, 1), (oneLeft.Status, oneLeft.RoutesInProgress));
        Assert.Equal(DocumentStatus.Registered, none.Status);
    }

    [Fact]
    public void A_draft_on_its_approval_route_stays_its_authors_to_rework_and_returns_to_draft()
    {
        var draft = Draft(DocumentKind.Outgoing, author: Author);
        var routed = Follow(draft, Started("route-1"));

        var reworked = routed.Then(DocumentRules.Update(Author, routed, new DocumentChanges(Title: "Reworked"), routed.Version));
        Assert.Throws<PermissionDeniedException>(() => DocumentRules.Update(Colleague, routed, new DocumentChanges(Title: "Not mine"), 0));
        var approved = reworked.Then(new DocumentRouteEnded(draft.Id, "route-1", RouteStatus.Completed));

        Assert.Equal((DocumentStatus.InRoute, "Reworked"), (reworked.Status, reworked.Title));
        Assert.Equal(DocumentStatus.Draft, approved.Status);
    }

    [Fact]
    public void A_draft_registered_while_on_its_route_stays_in_route_until_it_ends()
    {
        var routed = Follow(Draft(DocumentKind.Internal), Started("route-1"));

        var registered = routed.Registered(Wednesday);
        var ended = registered.Then(new DocumentRouteEnded(routed.Id, "route-1", RouteStatus.Completed));

        Assert.Equal(DocumentStatus.InRoute, registered.Status);
        Assert.NotNull(registered.Registration);
        Assert.Equal(DocumentStatus.Registered, ended.Status);
    }

    [Fact]
    public void A_closed_document_stays_closed()
    {
        var closed = Draft(DocumentKind.Internal).Registered(Wednesday).Then(new DocumentClosed("doc-1", "emp-registrar"));

        var routed = Follow(closed, Started("route-1"));
        var ended = routed.Then(new DocumentRouteEnded("doc-1", "route-1", RouteStatus.Completed));

        Assert.Equal((DocumentStatus.Closed, DocumentStatus.Closed), (routed.Status, ended.Status));
    }
}
