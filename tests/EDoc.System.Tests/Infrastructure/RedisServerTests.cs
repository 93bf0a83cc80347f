using System.Net;
using System.Net.Sockets;
using System.Text;
using EDoc.Testing;

namespace EDoc.System.Tests.Infrastructure;

[Collection(InfrastructureCollection.Name)]
public sealed class RedisServerTests
{
    [Fact]
    public async Task Started_server_answers_ping_and_keeps_values()
    {
        await using RedisServer server = await RedisServer.StartAsync();

        Assert.Equal($"127.0.0.1:{server.Port}", server.ConnectionString);
        Assert.Equal("+PONG\r\n", await SendAsync(server.Port, "PING"));
        Assert.Equal("+OK\r\n", await SendAsync(server.Port, "SET", "greeting", "сәлем"));
        Assert.Equal("$10\r\nсәлем\r\n", await SendAsync(server.Port, "GET", "greeting"));
    }

    [Fact]
    public async Task Server_keeps_nothing_on_disk()
    {
        await using RedisServer server = await RedisServer.StartAsync();

        Assert.Contains("\r\nno\r\n", await SendAsync(server.Port, "CONFIG", "GET", "appendonly"));
        Assert.EndsWith("$4\r\nsave\r\n$0\r\n\r\n", await SendAsync(server.Port, "CONFIG", "GET", "save"));
    }

    [Fact]
    public async Task Dispose_stops_the_server_removes_its_directory_and_frees_the_port()
    {
        RedisServer server = await RedisServer.StartAsync();
        string directory = server.TempDirectory;
        int port = server.Port;

        await server.DisposeAsync();

        Assert.False(Directory.Exists(directory));
        Assert.True(FreePort.IsFree(port));
    }

    [Fact]
    public async Task Server_shut_down_refuses_connections_and_starts_again_empty_on_the_same_port()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await SendAsync(server.Port, "SET", "greeting", "сәлем");

        await server.ShutDownAsync();
        await Assert.ThrowsAnyAsync<SocketException>(() => SendAsync(server.Port, "PING"));
        await server.StartAgainAsync();

        Assert.Equal("+PONG\r\n", await SendAsync(server.Port, "PING"));
        Assert.Equal("$-1\r\n", await SendAsync(server.Port, "GET", "greeting"));
    }

    [Fact]
    public async Task Shared_server_is_one_per_process()
    {
        RedisServer first = await SharedServers.Redis;

        Assert.Same(first, await SharedServers.Redis);
        Assert.Equal("+PONG\r\n", await SendAsync(first.Port, "PING"));
    }

    /// <summary>Sends one command as a RESP array of bulk strings and returns the raw reply.</summary>
    internal static async Task<string> SendAsync(int port, params string[] command)
    {
        var request = new StringBuilder($"*{command.Length}\r\n");
        foreach (string part in command)
        {
            request.Append($"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
        }

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        await socket.SendAsync(Encoding.UTF8.GetBytes(request.ToString()));
        var buffer = new byte[4096];
        int read = await socket.ReceiveAsync(buffer);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}

[Collection(InfrastructureCollection.Name)]
public sealed class RedisFixtureTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Fixture_server_answers_ping()
    {
        Assert.Equal("+PONG\r\n", await RedisServerTests.SendAsync(redis.Server.Port, "PING"));
    }
}
