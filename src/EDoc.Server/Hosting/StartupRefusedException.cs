namespace EDoc.Server.Hosting;

/// <summary>
/// The server cannot start as configured, for a reason the operator fixes in the configuration; the message is printed
/// alone, since a stack trace would only bury what to change.
/// </summary>
public sealed class StartupRefusedException(string message) : Exception(message);
