using Google.Rpc;
using Grpc.Core;

namespace EDoc.System.Tests.Faults;

/// <summary>What a client must see while a store is down: UNAVAILABLE with one EDoc ErrorInfo, so it retries.</summary>
internal static class Unavailable
{
    /// <summary>The call fails with UNAVAILABLE and exactly one ErrorInfo, reason STORE_UNAVAILABLE, of the domain edoc.kz.</summary>
    public static async Task AssertAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == StatusCode.Unavailable, $"Expected Unavailable, got {error.StatusCode}: {error.Status.Detail}");
        var info = Assert.Single(error.GetRpcStatus()!.Details, d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>();
        Assert.Equal(("STORE_UNAVAILABLE", "edoc.kz"), (info.Reason, info.Domain));
    }
}
