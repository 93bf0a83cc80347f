using System.Globalization;
using EDoc.Contracts.V1;
using EDoc.Server.Auth;
using EDoc.Server.Hosting;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Route = EDoc.Contracts.V1.Route;

namespace EDoc.Server.Workflow;

/// <summary>gRPC WorkflowService: maps calls to the workflow commands and reads.</summary>
[Authorize]
internal sealed class WorkflowService(WorkflowCommands commands, WorkflowReads reads, LiveStreams streams) : Contracts.V1.WorkflowService.WorkflowServiceBase
{
    public override Task<RouteTemplate> CreateRouteTemplate(CreateRouteTemplateRequest request, ServerCallContext context) =>
        commands.CreateRouteTemplateAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ListRouteTemplatesResponse> ListRouteTemplates(ListRouteTemplatesRequest request, ServerCallContext context) =>
        reads.ListRouteTemplatesAsync(context.Caller(), request, context.CancellationToken);

    public override Task<Route> StartRoute(StartRouteRequest request, ServerCallContext context) =>
        commands.StartRouteAsync(context.Caller(), request, context.CancellationToken);

    public override Task<Route> GetRoute(GetRouteRequest request, ServerCallContext context) =>
        reads.GetRouteAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ListTasksResponse> ListTasks(ListTasksRequest request, ServerCallContext context) =>
        reads.ListTasksAsync(context.Caller(), request, context.CancellationToken);

    public override Task<RouteTask> GetTask(GetTaskRequest request, ServerCallContext context) =>
        reads.GetTaskAsync(context.Caller(), request, context.CancellationToken);

    public override Task<RouteTask> CompleteTask(CompleteTaskRequest request, ServerCallContext context) =>
        commands.CompleteTaskAsync(context.Caller(), request, context.CancellationToken);

    public override Task<RouteTask> DelegateTask(DelegateTaskRequest request, ServerCallContext context) =>
        commands.DelegateTaskAsync(context.Caller(), request, context.CancellationToken);

    public override Task<Route> IssueResolution(IssueResolutionRequest request, ServerCallContext context) =>
        commands.IssueResolutionAsync(context.Caller(), request, context.CancellationToken);

    public override Task<RouteTask> ExtendDeadline(ExtendDeadlineRequest request, ServerCallContext context) =>
        commands.ExtendDeadlineAsync(context.Caller(), request, context.CancellationToken);

    public override async Task WatchTasks(WatchTasksRequest request, IServerStreamWriter<TaskChange> responseStream, ServerCallContext context)
    {
        using var watching = streams.Watch(context);
        await reads.WatchTasksAsync(context.Caller(), request, responseStream,
            after => context.WriteResponseHeadersAsync(new Metadata { { WatchAfterHeader, after.ToString(CultureInfo.InvariantCulture) } }),
            watching.Token);
    }

    /// <summary>The response header of WatchTasks with the log sequence the stream starts after.</summary>
    public const string WatchAfterHeader = "edoc-after-sequence";
}
