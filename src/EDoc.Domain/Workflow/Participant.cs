namespace EDoc.Domain.Workflow;

/// <summary>An employee named in a stage, with what they are asked to do.</summary>
/// <param name="EmployeeId">Who gets the task.</param>
/// <param name="Action">What they are asked to do.</param>
public sealed record Participant(string EmployeeId, TaskAction Action);
