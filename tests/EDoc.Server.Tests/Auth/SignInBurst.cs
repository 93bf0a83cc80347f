using Grpc.Net.Client;

namespace EDoc.Server.Tests.Auth;

/// <summary>Wrong passwords and the right one sent at once, and what signing in one by one would have answered them.</summary>
internal static class SignInBurst
{
    /// <summary>SIGNED_IN, or the ErrorInfo reason of the refusal.</summary>
    public const string SignedIn = "SIGNED_IN";

    private const int WrongPasswords = 24;

    /// <summary>
    /// Sends 24 wrong passwords and the right one at once, spread over the servers, and checks the answers against one by
    /// one in some order: four failures answered as such, the fifth locks; a right password before the lock resets the
    /// count, so then at most four more are answered before the lock. Then the right password is refused as locked.
    /// </summary>
    /// <param name="failuresRecorded">How many failed sign-ins the account's stream holds afterwards.</param>
    public static async Task LocksAsIfOneByOneAsync(IReadOnlyList<GrpcChannel> servers, string username, string password,
        Func<Task<int>> failuresRecorded)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, WrongPasswords + 1).Select(i =>
            Task.Run(() => AnswerToAsync(servers[i % servers.Count], username, i == WrongPasswords ? password : "Wrong-Password-1"))));
        var (right, wrong) = (answers[^1], answers[..^1]);

        // Another instance may win the race for the account every time a sign-in decides again; that one is ABORTED, unrecorded.
        Assert.All(wrong, a => Assert.Contains(a, new[] { "BAD_CREDENTIALS", "ACCOUNT_LOCKED", "STALE_VERSION" }));
        var badCredentials = wrong.Count(a => a == "BAD_CREDENTIALS");
        if (right == SignedIn) Assert.InRange(badCredentials, 4, 8);
        else Assert.Equal(4, badCredentials);
        Assert.Equal(badCredentials + 1, await failuresRecorded());
        var locked = await AnswerToAsync(servers[0], username, password);
        Assert.Equal("ACCOUNT_LOCKED", locked);
    }

    private static async Task<string> AnswerToAsync(GrpcChannel server, string username, string password)
    {
        try
        {
            await new AuthService.AuthServiceClient(server).LoginAsync(new LoginRequest { Username = username, Password = password });
            return SignedIn;
        }
        catch (RpcException e)
        {
            return RpcAssert.ErrorInfoOf(e).Reason;
        }
    }
}
