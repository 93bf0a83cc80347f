namespace EDoc.Domain.Workflow;

/// <summary>One stage of a route: who takes part, in which mode, and how many working days each task gets.</summary>
/// <param name="Name">Shown in the route, e.g. "Approval by the legal department".</param>
/// <param name="Mode">Sequential, or parallel with ALL or ANY completion.</param>
/// <param name="Participants">In order; the order matters for <see cref="StageMode.Sequential"/>.</param>
/// <param name="DeadlineWorkingDays">Working days each task gets from the day it is assigned; null for no deadline.</param>
public sealed record StageDefinition(string Name, StageMode Mode, IReadOnlyList<Participant> Participants, int? DeadlineWorkingDays = null);
