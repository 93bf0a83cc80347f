using EDoc.Client;
using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using EDoc.Testing.Hosting;
using Google.Protobuf;

namespace EDoc.Console.Tests.Infrastructure;

/// <summary>One demo-seeded server on SQLite for the console's tests; each test makes the documents and tasks it needs.</summary>
public sealed class DemoServerFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("edoc-console-tests-");

    public EDocTestServer Server { get; private set; } = null!;

    // Three wrong passwords lock an account, so a test reaches the lock without waiting for the default five.
    public async Task InitializeAsync() =>
        Server = await EDocTestServer.StartSqliteAsync(_directory.FullName, new Dictionary<string, string?> { ["LockoutFailures"] = "3" });

    /// <summary>A demo employee signed in through the client library, as the console signs in.</summary>
    public async Task<ServerConnection> SignInAsync(string username)
    {
        using var anonymous = ServerConnection.Anonymous(Server.Address);
        var reply = await anonymous.Auth.LoginAsync(new LoginRequest { Username = username, Password = DemoDirectory.EmployeePassword });
        return ServerConnection.SignedIn(Server.Address, Session.Begin(Server.Address, username, reply), TimeProvider.System);
    }

    /// <summary>
    /// The registrar writes an internal document with text content and starts a one-stage route asking
    /// <paramref name="employeeId"/> to <paramref name="action"/> it; returns the new task.
    /// </summary>
    public async Task<RouteTask> TaskForAsync(string employeeId, string title, TaskAction action = TaskAction.Approve, string text = "Мәтін")
    {
        using var registrar = await SignInAsync("shym.registrar");
        var document = await registrar.Documents.CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = Guid.NewGuid().ToString("D"),
            Document = new Document { AgencyId = "shymkent-akimat", Kind = DocumentKind.Internal, Title = title, Language = "kk" },
        });
        using (var upload = registrar.Documents.UploadContent())
        {
            await upload.RequestStream.WriteAsync(new UploadContentRequest
            {
                Header = new UploadHeader { RequestId = Guid.NewGuid().ToString("D"), DocumentId = document.Id, ContentType = "text/plain" },
            });
            await upload.RequestStream.WriteAsync(new UploadContentRequest { Chunk = ByteString.CopyFromUtf8(text) });
            await upload.RequestStream.CompleteAsync();
            await upload.ResponseAsync;
        }
        var route = await registrar.Workflow.StartRouteAsync(new StartRouteRequest
        {
            RequestId = Guid.NewGuid().ToString("D"), DocumentId = document.Id,
            Stages = { new Stage { Name = "Келісу", Mode = StageMode.Sequential, Participants = { new Participant { EmployeeId = employeeId, Action = action } } } },
        });
        return route.Tasks.Single();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class DemoServerCollection : ICollectionFixture<DemoServerFixture>
{
    public const string Name = "console demo server";
}
