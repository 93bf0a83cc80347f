using EDoc.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddEDocServer();
var app = builder.Build();
app.MapEDocServer();
await app.PrepareStoreAsync();
await app.StartAsync();
StartupBanner.Print(app);
await app.WaitForShutdownAsync();

/// <summary>The entry point, visible to tests that host the server in-process.</summary>
public partial class Program;
