using EDoc.Client;
using EDoc.Console;
using EDoc.Console.Texts;
using Terminal.Gui.App;

// edoc-console [--server URL]: the staff console; the server defaults to the one `dotnet run` starts.
var server = ServerAddress.Default;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] != "--server" || i + 1 >= args.Length)
    {
        System.Console.Error.WriteLine("usage: edoc-console [--server http://host:port]");
        return 2;
    }
    server = ServerAddress.Parse(args[++i], out var error) ?? throw new ArgumentException(error);
}

using IApplication app = Application.Create();
app.Init();
using var console = new ConsoleApp(server, new Localizer(), action => app.Invoke(action), TimeProvider.System);
app.Run(console.Shell);
return 0;
