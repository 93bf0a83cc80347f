using EDoc.Server.Hosting;

// Settings (appsettings.json) are read beside the application, not from whatever directory it is started in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddEDocServer();
var app = builder.Build();
app.MapEDocServer();
await app.PrepareStoreAsync();
await app.StartAsync();
StartupBanner.Print(app);
await app.WaitForShutdownAsync();

/// <summary>The entry point, visible to tests that host the server in-process.</summary>
public partial class Program;
