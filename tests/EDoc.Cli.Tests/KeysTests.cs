using EDoc.Cli.Tests.Infrastructure;
using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace EDoc.Cli.Tests;

/// <summary>keys enroll | list | revoke and sign, against the demo server: the key is made and kept on the user's side.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class KeysTests(DemoServerFixture demo) : IDisposable
{
    private const string KeyPassword = "Key-File-Password-1";

    private readonly TempDirectory _files = new();

    [Fact]
    public async Task Keys_enroll_saves_a_PKCS12_file_whose_certificate_the_server_lists()
    {
        var user = await demo.Server.SignedInAsync("shym.executor");
        var path = Path.Combine(_files.Path, "key.p12");

        var enroll = await user.RunWithInputAsync(KeyPassword + "\n", "keys", "enroll", "--out", path, "--password-stdin");

        Assert.True(enroll.ExitCode == 0, enroll.ToString());
        using var saved = EDoc.Client.KeyFile.Load(path, KeyPassword);
        Assert.True(saved.HasPrivateKey);
        Assert.Matches($@"(?m)^serial\s+{saved.SerialNumber}$", enroll.Stdout);
        var list = await user.SucceedAsync("keys", "list");
        Assert.Contains(saved.SerialNumber, list.Stdout);
        var overwrite = await user.RunWithInputAsync(KeyPassword + "\n", "keys", "enroll", "--out", path, "--password-stdin");
        Assert.Equal(2, overwrite.ExitCode);
        Assert.Contains("already exists", overwrite.Stderr);
    }

    [Fact]
    public async Task Sign_signs_the_tasks_document_with_the_key_file()
    {
        var (head, path) = await EnrolledHeadAsync();
        var taskId = await SigningTaskForHeadAsync();

        var sign = await head.RunAsync("sign", "--task", taskId, "--key", path);

        Assert.True(sign.ExitCode == 0, sign.ToString());
        Assert.Matches(@"(?m)^status\s+signed$", sign.Stdout);
        var again = await head.RunAsync("sign", "--task", taskId, "--key", path);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("TASK_NOT_OPEN", again.Stderr + again.Stdout);
    }

    [Fact]
    public async Task Sign_with_a_wrong_key_password_fails_clearly()
    {
        var (head, path) = await EnrolledHeadAsync();
        head.Variables["EDOC_KEY_PASSWORD"] = "not the password";

        var sign = await head.RunAsync("sign", "--task", "no-such-task", "--key", path);

        Assert.Equal(1, sign.ExitCode);
        Assert.Contains("password is wrong", sign.Stderr);
    }

    /// <summary>shym.head signed in, with a key enrolled into a file; the key password is in EDOC_KEY_PASSWORD.</summary>
    private async Task<(CliUser Head, string Path)> EnrolledHeadAsync()
    {
        var head = await demo.Server.SignedInAsync("shym.head");
        var path = Path.Combine(_files.Path, Guid.NewGuid().ToString("N") + ".p12");
        head.Variables[Cli.Commands.KeysCommand.PasswordVariable] = KeyPassword;
        var enroll = await head.RunAsync("keys", "enroll", "--out", path);
        Assert.True(enroll.ExitCode == 0, enroll.ToString());
        return (head, path);
    }

    /// <summary>A document with content, written by the registrar through DocumentService, on a route asking shym.head to sign.</summary>
    private async Task<string> SigningTaskForHeadAsync()
    {
        using var channel = GrpcChannel.ForAddress(demo.Server.Address);
        var login = await new AuthService.AuthServiceClient(channel).LoginAsync(new LoginRequest
        {
            Username = "shym.registrar", Password = DemoDirectory.EmployeePassword,
        });
        var calls = channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + login.AccessToken);
            return metadata;
        });
        var documents = new DocumentService.DocumentServiceClient(calls);
        var document = await documents.CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = Guid.NewGuid().ToString("D"),
            Document = new Document { AgencyId = "shymkent-akimat", Kind = DocumentKind.Internal, Title = "Бұйрық", Language = "kk" },
        });
        using (var upload = documents.UploadContent())
        {
            await upload.RequestStream.WriteAsync(new UploadContentRequest
            {
                Header = new UploadHeader { RequestId = Guid.NewGuid().ToString("D"), DocumentId = document.Id, ContentType = "text/plain" },
            });
            await upload.RequestStream.WriteAsync(new UploadContentRequest { Chunk = ByteString.CopyFromUtf8("Бұйрық мәтіні") });
            await upload.RequestStream.CompleteAsync();
            await upload.ResponseAsync;
        }
        var route = await new WorkflowService.WorkflowServiceClient(calls).StartRouteAsync(new StartRouteRequest
        {
            RequestId = Guid.NewGuid().ToString("D"), DocumentId = document.Id,
            Stages = { new Stage { Name = "Signing", Mode = StageMode.Sequential, Participants = { new Participant { EmployeeId = "shym-head", Action = TaskAction.Sign } } } },
        });
        return route.Tasks[0].Id;
    }

    public void Dispose() => _files.Dispose();
}
