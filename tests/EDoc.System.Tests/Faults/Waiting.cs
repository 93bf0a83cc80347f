namespace EDoc.System.Tests.Faults;

/// <summary>Waiting for a condition with a generous deadline, never judging how long it took.</summary>
internal static class Waiting
{
    /// <summary>Polls until the condition holds or the time is up; returns whether it held.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
        return true;
    }

    /// <inheritdoc cref="UntilAsync(Func{Task{bool}}, TimeSpan)"/>
    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan within) => UntilAsync(() => Task.FromResult(condition()), within);
}
