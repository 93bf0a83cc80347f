namespace EDoc.Cli;

/// <summary>One run of a command: where it prints and the server it talks to.</summary>
internal sealed record Invocation(Output Output, ServerConnection Server);
