using Grpc.Core;

namespace EDoc.Bench.Scenarios;

/// <summary>A scenario that calls one generated gRPC client: one client per channel, built once in prepare.</summary>
internal abstract class RpcScenario<TClient>(string name, string description, params Comparison[] comparedWith) : IScenario
    where TClient : ClientBase<TClient>
{
    private Hosting.ClientSet<TClient>? _clients;
    private ScenarioTarget? _target;

    public string Name => name;

    public string Description => description;

    public IReadOnlyList<Comparison> ComparedWith => comparedWith;

    public virtual string? Note => null;

    /// <summary>The server and caller this scenario was prepared for.</summary>
    protected ScenarioTarget Target => _target ?? throw new InvalidOperationException($"Scenario '{name}' was not prepared.");

    public virtual Task PrepareAsync(ScenarioTarget target, CancellationToken ct)
    {
        _target = target;
        // Generated clients take the channel in their constructor; this runs once per channel, never per call.
        _clients = target.Channels.Clients(channel => (TClient)Activator.CreateInstance(typeof(TClient), channel)!);
        return Task.CompletedTask;
    }

    public virtual Task BeforeLevelAsync(CancellationToken ct) => Task.CompletedTask;

    public abstract Task CallAsync(int caller, CancellationToken ct);

    /// <summary>The client on caller number <paramref name="caller"/>'s channel.</summary>
    protected TClient Client(int caller) => (_clients ?? throw new InvalidOperationException($"Scenario '{name}' was not prepared.")).For(caller);

    /// <summary>Call options authenticated as the target's agency administrator.</summary>
    protected CallOptions AsAgencyAdmin(CancellationToken ct) => new(headers: Target.AgencyAdmin, cancellationToken: ct);
}
