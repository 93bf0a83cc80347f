using EDoc.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddEDocServer();
var app = builder.Build();
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
