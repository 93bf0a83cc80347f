using EDoc.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddEDocServer();
// Disposed on the way out: the store then writes the commits still queued before it closes its connections.
await using var app = builder.Build();
app.MapEDocServer();
await app.PrepareStoreAsync();
await app.StartAsync();
StartupBanner.Print(app);
await app.WaitForShutdownAsync();

/// <summary>The entry point, visible to tests that host the server in-process.</summary>
public partial class Program;
