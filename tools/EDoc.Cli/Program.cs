using EDoc.Cli;

return await CliApp.Build(Console.Out, Console.Error, CliEnvironment.FromProcess()).InvokeAsync(args);
