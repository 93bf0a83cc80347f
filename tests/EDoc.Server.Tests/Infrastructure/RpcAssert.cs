using Google.Rpc;

namespace EDoc.Server.Tests.Infrastructure;

/// <summary>Assertions on what a client sees of a failed call: the status code and the google.rpc details (AIP-193).</summary>
internal static class RpcAssert
{
    /// <summary>The domain of every EDoc ErrorInfo.</summary>
    public const string ErrorDomain = "edoc.kz";

    /// <summary>The call fails with the code.</summary>
    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(code == error.StatusCode, $"Expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        return error;
    }

    /// <summary>The call fails with the code and exactly one ErrorInfo of the EDoc domain with the reason.</summary>
    public static async Task<ErrorInfo> FailsAsync(StatusCode code, string reason, Func<Task> call)
    {
        var info = ErrorInfoOf(await FailsAsync(code, call));
        Assert.Equal(reason, info.Reason);
        return info;
    }

    /// <summary>The call fails with INVALID_ARGUMENT, the reason and a BadRequest violation of the field.</summary>
    public static async Task<RpcException> FailsOnFieldAsync(string field, string reason, Func<Task> call)
    {
        var error = await FailsAsync(StatusCode.InvalidArgument, call);
        Assert.Equal(reason, ErrorInfoOf(error).Reason);
        var badRequest = StatusOf(error).GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(field, badRequest.FieldViolations.Select(v => v.Field));
        return error;
    }

    /// <summary>The one ErrorInfo detail, of the EDoc domain.</summary>
    public static ErrorInfo ErrorInfoOf(RpcException error)
    {
        var infos = StatusOf(error).Details.Where(d => d.Is(ErrorInfo.Descriptor)).Select(d => d.Unpack<ErrorInfo>()).ToList();
        var info = Assert.Single(infos);
        Assert.Equal(ErrorDomain, info.Domain);
        return info;
    }

    private static Google.Rpc.Status StatusOf(RpcException error) =>
        error.GetRpcStatus() ?? throw new Xunit.Sdk.XunitException($"{error.StatusCode} carries no google.rpc.Status: {error.Status.Detail}");
}
