using EDoc.Bench;

// Exit codes: 0 the run completed (whatever the goals say: they never fail a run), 1 the harness itself broke,
// 2 wrong command line.
var parse = BenchCommand.Create(async (options, ct) =>
{
    try
    {
        return await new BenchRun(options, Console.Out, Console.Error).RunAsync(ct);
    }
    catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
    {
        await Console.Error.WriteLineAsync($"EDoc.Bench failed: {error}");
        return 1;
    }
}).Parse(args);

if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) await Console.Error.WriteLineAsync("error: " + error.Message);
    await Console.Error.WriteLineAsync("See 'dotnet run -c Release --project tools/EDoc.Bench -- --help'.");
    return 2;
}
return await parse.InvokeAsync();
