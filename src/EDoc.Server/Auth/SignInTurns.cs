namespace EDoc.Server.Auth;

/// <summary>
/// Lets one sign-in decision per account run at a time in this process, so a burst of guesses is counted one by one
/// instead of all deciding on the same failure count. Other instances are held to the same count by the credentials
/// stream's expected version. A fixed set of gates keeps memory flat however many accounts sign in; two accounts that
/// share a gate only wait for each other.
/// </summary>
internal sealed class SignInTurns
{
    private const int Gates = 64;

    private readonly SemaphoreSlim[] _gates = Enumerable.Range(0, Gates).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Waits for the account's turn; disposing the result ends it.</summary>
    public async Task<IDisposable> TakeAsync(string employeeId, CancellationToken ct)
    {
        var gate = _gates[(uint)StringComparer.Ordinal.GetHashCode(employeeId) % Gates];
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0) gate.Release();
        }
    }
}
