using Grpc.Core;

namespace EDoc.Server.Hosting;

/// <summary>
/// Ends the streams that last until their client goes (WatchTasks, WatchEvents) as soon as the server begins to stop.
/// Kestrel waits for every open call before it stops, so such a stream would hold the shutdown until its timeout and
/// then be cut off with an error; ended here, it completes with OK and its client resumes from the last sequence it
/// saw, on another instance.
/// </summary>
internal sealed class LiveStreams(IHostApplicationLifetime lifetime)
{
    /// <summary>Cancelled when the call's client goes or the server begins to stop.</summary>
    public CancellationTokenSource Watch(ServerCallContext context) =>
        CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
}
