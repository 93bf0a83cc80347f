using EDoc.Console.Inbox;

namespace EDoc.Console.Tests.Infrastructure;

/// <summary>Waits for a live inbox to reach a state, woken by its own change events rather than by polling.</summary>
public static class Eventually
{
    /// <summary>Guards against a hang only; a passing test returns as soon as the stream delivers.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public static async Task UntilAsync(this InboxViewModel inbox, Func<bool> reached, string what)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (reached()) done.TrySetResult();
        }
        inbox.Changed += Check;
        try
        {
            Check();
            var finished = await Task.WhenAny(done.Task, Task.Delay(HangGuard));
            Assert.True(finished == done.Task, $"the inbox never reached: {what}; it shows {string.Join(", ", inbox.Rows.Select(r => r.Task.DocumentTitle))}");
        }
        finally
        {
            inbox.Changed -= Check;
        }
    }
}
