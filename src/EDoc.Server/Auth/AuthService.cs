using EDoc.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace EDoc.Server.Auth;

/// <summary>gRPC AuthService: maps calls to the auth commands.</summary>
[Authorize]
internal sealed class AuthService(AuthCommands commands) : Contracts.V1.AuthService.AuthServiceBase
{
    [AllowAnonymous]
    [EnableRateLimiting(LoginRateLimit.Policy)]
    public override Task<LoginResponse> Login(LoginRequest request, ServerCallContext context) =>
        commands.LoginAsync(request, context.CancellationToken);

    [AllowAnonymous]
    [EnableRateLimiting(LoginRateLimit.Policy)]
    public override Task<LoginResponse> RefreshToken(RefreshTokenRequest request, ServerCallContext context) =>
        commands.RefreshAsync(request, context.CancellationToken);

    public override Task<WhoAmIResponse> WhoAmI(WhoAmIRequest request, ServerCallContext context) =>
        Task.FromResult(commands.WhoAmI(context.Caller()));

    [EnableRateLimiting(LoginRateLimit.Policy)]
    public override Task<ChangePasswordResponse> ChangePassword(ChangePasswordRequest request, ServerCallContext context) =>
        commands.ChangePasswordAsync(context.Caller(), request, context.CancellationToken);

    public override Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context) =>
        commands.CreateApiKeyAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context) =>
        commands.ListApiKeysAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ApiKey> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context) =>
        commands.RevokeApiKeyAsync(context.Caller(), request, context.CancellationToken);
}
