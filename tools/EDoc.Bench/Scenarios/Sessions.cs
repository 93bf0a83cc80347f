using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using Grpc.Core;

namespace EDoc.Bench.Scenarios;

/// <summary>Signs demo employees in over the target's first channel, for scenarios that act as someone other than the admin.</summary>
internal static class Sessions
{
    public static async Task<Metadata> SignInAsync(ScenarioTarget target, string username, CancellationToken ct)
    {
        var reply = await new AuthService.AuthServiceClient(target.Channels.For(0)).LoginAsync(
            new LoginRequest { Username = username, Password = DemoDirectory.EmployeePassword }, cancellationToken: ct);
        return new Metadata { { "authorization", "Bearer " + reply.AccessToken } };
    }

    /// <summary>A citizen channel's API key (like the eGov portal's) of the service-centre operator, made by the system administrator.</summary>
    public static async Task<Metadata> ChannelKeyAsync(ScenarioTarget target, CancellationToken ct)
    {
        var key = await new AuthService.AuthServiceClient(target.Channels.For(0)).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyId = "gov4c", DisplayName = "Bench portal", Roles = { Role.Channel },
        }, target.SystemAdmin, cancellationToken: ct);
        return new Metadata { { "x-api-key", key.Secret } };
    }

    /// <summary>
    /// Creates <paramref name="count"/> draft documents as the registrar and starts on each an ad-hoc route of one
    /// PARALLEL_ALL stage of APPROVE tasks for <paramref name="assigneeIds"/>; returns the routes, in order.
    /// </summary>
    public static async Task<Route[]> StartApprovalRoutesAsync(ScenarioTarget target, int count, IReadOnlyList<string> assigneeIds,
        CancellationToken ct)
    {
        var registrar = await SignInAsync(target, "shym.registrar", ct);
        var routes = new Route[count];
        var next = -1;
        const int Parallel = 16;
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async worker =>
        {
            var channel = target.Channels.For(worker);
            var documents = new DocumentService.DocumentServiceClient(channel);
            var workflow = new WorkflowService.WorkflowServiceClient(channel);
            for (int i; (i = Interlocked.Increment(ref next)) < count;)
            {
                var document = await documents.CreateDocumentAsync(new CreateDocumentRequest
                {
                    RequestId = Guid.NewGuid().ToString(),
                    Document = new Document { AgencyId = target.AgencyId, Kind = DocumentKind.Internal, Title = $"Bench document {i}", Language = "kk" },
                }, registrar, cancellationToken: ct);
                routes[i] = await workflow.StartRouteAsync(new StartRouteRequest
                {
                    RequestId = Guid.NewGuid().ToString(),
                    DocumentId = document.Id,
                    Stages =
                    {
                        new Stage
                        {
                            Name = "Approval", Mode = StageMode.ParallelAll,
                            Participants = { assigneeIds.Select(id => new Participant { EmployeeId = id, Action = TaskAction.Approve }) },
                        },
                    },
                }, registrar, cancellationToken: ct);
            }
        }));
        return routes;
    }
}
