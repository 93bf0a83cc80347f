using Grpc.Net.Client;

namespace EDoc.Bench.Hosting;

/// <summary>
/// Several gRPC channels to the server, each its own HTTP/2 connection, handed to callers in turn. One connection
/// would serialise every frame through one socket and one connection loop on each side, and the bench would
/// measure that instead of the server; real clients (portals, agency systems) arrive on many connections too.
/// </summary>
internal sealed class ChannelPool : IDisposable
{
    /// <summary>Enough for 128 callers to stay well under Kestrel's 100 streams per connection.</summary>
    public const int DefaultSize = 8;

    private readonly GrpcChannel[] _channels;

    public ChannelPool(Uri address, int size = DefaultSize)
    {
        _channels = Enumerable.Range(0, size).Select(_ => GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                // Opens a further connection rather than queueing when a connection's stream limit is reached.
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
        })).ToArray();
    }

    /// <summary>The channel of caller number <paramref name="caller"/>.</summary>
    public GrpcChannel For(int caller) => _channels[caller % _channels.Length];

    /// <summary>One client per channel, so a scenario builds its clients once instead of on every call.</summary>
    public ClientSet<TClient> Clients<TClient>(Func<GrpcChannel, TClient> create) => new(_channels.Select(create).ToArray());

    public void Dispose()
    {
        foreach (var channel in _channels) channel.Dispose();
    }
}

/// <summary>A generated client for each channel of a <see cref="ChannelPool"/>.</summary>
internal sealed class ClientSet<TClient>(TClient[] clients)
{
    /// <summary>The client on caller number <paramref name="caller"/>'s channel.</summary>
    public TClient For(int caller) => clients[caller % clients.Length];
}
