namespace EDoc.Domain.Workflow;

/// <summary>What a head's resolution decided, kept on the route that carries it out.</summary>
/// <param name="Text">The head's instruction.</param>
/// <param name="MainExecutorId">The responsible executor.</param>
/// <param name="ControllerId">Who keeps the document on control and may extend its deadlines.</param>
/// <param name="DueDate">The control date; every execution task gets it.</param>
public sealed record ResolutionTerms(string Text, string MainExecutorId, string ControllerId, DateOnly DueDate);
