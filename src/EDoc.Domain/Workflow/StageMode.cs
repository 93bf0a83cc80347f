namespace EDoc.Domain.Workflow;

/// <summary>How the participants of a stage take their turns.</summary>
public enum StageMode
{
    /// <summary>One after another, in the order listed.</summary>
    Sequential = 1,
    /// <summary>All at once; every one must complete.</summary>
    ParallelAll = 2,
    /// <summary>All at once; the first completion completes the stage and cancels the other tasks.</summary>
    ParallelAny = 3,
}
