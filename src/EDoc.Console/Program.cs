// The Terminal.Gui console for civil servants and administrators arrives with the training and audit issues.
Console.WriteLine("EDoc console: not yet available. Use the `edoc` CLI or the gRPC API.");
return 1;
