using EDoc.Console.Texts;
using EDoc.Contracts.V1;

namespace EDoc.Console.Inbox;

/// <summary>What a task asks for, in the user's language.</summary>
public static class TaskKinds
{
    public static string Name(Localizer texts, TaskAction action) => action switch
    {
        TaskAction.Approve => texts[UiText.TaskApprove],
        TaskAction.Sign => texts[UiText.TaskSign],
        TaskAction.Acknowledge => texts[UiText.TaskAcknowledge],
        TaskAction.Execute => texts[UiText.TaskExecute],
        TaskAction.Rework => texts[UiText.TaskRework],
        _ => action.ToString(),
    };
}
