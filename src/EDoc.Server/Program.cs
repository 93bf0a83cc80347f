using EDoc.Server.Hosting;

// Settings (appsettings.json) are read beside the application, not from whatever directory it is started in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddEDocServer();
// Disposed on the way out: the store then writes the commits still queued before it closes its connections.
await using var app = builder.Build();
app.MapEDocServer();
try
{
    await app.PrepareStoreAsync();
}
catch (StartupRefusedException refused)
{
    await Console.Error.WriteLineAsync(refused.Message);
    return 1;
}
await app.StartAsync();
StartupBanner.Print(app);
await app.WaitForShutdownAsync();
return 0;

/// <summary>The entry point, visible to tests that host the server in-process.</summary>
public partial class Program;
