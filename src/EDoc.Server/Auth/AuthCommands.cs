using EDoc.Domain.Access;
using EDoc.Domain.Errors;
using EDoc.Server.Commands;
using EDoc.Server.Hosting;
using EDoc.Server.Paging;
using EDoc.Server.Sessions;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using Microsoft.Extensions.Options;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Auth;

/// <summary>Sign-in, passwords and API keys.</summary>
internal sealed class AuthCommands(
    CommandExecutor executor, IEDocStore store, PasswordHashing passwords, SignInTurns turns, SignInTokens signIns,
    PageTokens pageTokens, IOptions<EDocOptions> options)
{
    private const string LoginMethod = nameof(Proto.AuthService.AuthServiceBase.Login);

    /// <summary>The actor of a sign-in that named no account: the name typed is not recorded, so it stands for nobody.</summary>
    private const string AnonymousActor = "anonymous";

    private LockoutPolicy Lockout => new(options.Value.LockoutFailures, options.Value.LockoutDuration);

    public async Task<Proto.LoginResponse> LoginAsync(Proto.LoginRequest request, CancellationToken ct)
    {
        new Violations().Text("username", request.Username).Text("password", request.Password, maxLength: AccessRules.MaxPasswordLength)
            .ThrowIfAny();
        var employee = await store.Directory.FindEmployeeByUsernameAsync(request.Username, ct);
        if (!AccessRules.SignsIn(employee))
        {
            // Hashed and recorded like a wrong password: the answer takes the same work, so its time does not tell
            // whether the username exists.
            passwords.Verify(null, request.Password);
            await executor.RecordAsync(AnonymousActor, LoginMethod,
                _ => Task.FromResult(new StreamWrite(Streams.LoginsWithoutAccount, null, null, [new LoginFailedWithoutAccount()])), ct);
            throw AccessRules.BadCredentials();
        }
        using var turn = await turns.TakeAsync(employee.Id, ct);
        var stream = Streams.Credentials(employee.Id);
        Credentials? credentials = null;
        (string? Hash, bool Matches)? verified = null;
        var recorded = await executor.RecordAsync(employee.Id, LoginMethod, async now =>
        {
            // The version is read first: whatever is read after it is at least that new, and if the stream moves on
            // before the commit, the commit is refused and this decides again on the fresh count.
            var version = await store.Log.StreamVersionAsync(stream, ct);
            credentials = await store.Access.GetCredentialsAsync(employee.Id, ct) ?? throw AccessRules.BadCredentials();
            AccessRules.EnsureNotLocked(credentials, now);
            var hash = await store.Access.GetSecretHashAsync(PasswordHashing.SecretKind, employee.Id, ct);
            if (verified is not { } known || known.Hash != hash) verified = (hash, passwords.Verify(hash, request.Password));
            var outcome = AccessRules.Login(employee, credentials, verified.Value.Matches, now, Lockout);
            return new StreamWrite(stream, employee.AgencyId, version, [outcome]);
        }, ct);
        return recorded.Events[0] switch
        {
            LoginFailed { LockedUntil: { } until } => throw AccessRules.Locked(until),
            LoginFailed => throw AccessRules.BadCredentials(),
            _ => await signIns.StartAsync(employee, credentials!, ct),
        };
    }

    public Task<Proto.LoginResponse> RefreshAsync(Proto.RefreshTokenRequest request, CancellationToken ct)
    {
        new Violations().Text("refresh_token", request.RefreshToken, maxLength: 4096).ThrowIfAny();
        return signIns.RefreshAsync(request.RefreshToken, ct);
    }

    public Proto.WhoAmIResponse WhoAmI(Caller caller) => new() { Principal = Mapping.ToPrincipal(caller) };

    public Task<Proto.ChangePasswordResponse> ChangePasswordAsync(Caller caller, Proto.ChangePasswordRequest request, CancellationToken ct)
    {
        var v = new Violations().Text("current_password", request.CurrentPassword, maxLength: AccessRules.MaxPasswordLength)
            .Password("new_password", request.NewPassword);
        if (request.NewPassword == request.CurrentPassword) v.Add("new_password", "must differ from the current password");
        v.ThrowIfAny();
        if (caller.Kind != CallerKind.Employee)
            throw new FailedPreconditionException("NOT_AN_EMPLOYEE", "Only employees have passwords; API keys are rotated instead.", caller.Id);
        var newHash = passwords.Hash(request.NewPassword);
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.AuthService.AuthServiceBase.ChangePassword));
        return executor.ExecuteAsync(context, async _ =>
        {
            var hash = await store.Access.GetSecretHashAsync(PasswordHashing.SecretKind, caller.Id, ct);
            if (!passwords.Verify(hash, request.CurrentPassword))
                throw InvalidArgumentException.For("current_password", "is wrong", "WRONG_PASSWORD");
            return new Decision<Proto.ChangePasswordResponse>(new Proto.ChangePasswordResponse(),
                [new StreamWrite(Streams.Credentials(caller.Id), caller.AgencyId, null, [new PasswordChanged(caller.Id)])],
                [new SecretWrite(PasswordHashing.SecretKind, caller.Id, newHash)]);
        }, ct);
    }

    public Task<Proto.CreateApiKeyResponse> CreateApiKeyAsync(Caller caller, Proto.CreateApiKeyRequest request, CancellationToken ct)
    {
        var v = new Violations().Text("agency_id", request.AgencyId).Text("display_name", request.DisplayName);
        var roles = Mapping.ToDomain(v, "roles", request.Roles);
        v.ThrowIfAny();
        var keyId = ResourceId.New("key");
        var secret = ApiKeySecrets.Generate(keyId);
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.AuthService.AuthServiceBase.CreateApiKey));
        return executor.ExecuteAsync(context, async now =>
        {
            var agency = await store.Directory.GetAgencyAsync(request.AgencyId, ct) ?? throw new NotFoundException("Agency", request.AgencyId);
            var created = AccessRules.CreateApiKey(caller, agency, keyId, request.DisplayName, roles, options.Value.IsOperator(agency.Id));
            var key = Mapping.ToProto(ApiKey.From(created, caller.Id, now));
            // The secret is shown once: the stored reply that a retry gets back carries the key without it.
            return new Decision<Proto.CreateApiKeyResponse>(new Proto.CreateApiKeyResponse { ApiKey = key, Secret = secret },
                [new StreamWrite(Streams.ApiKey(keyId), agency.Id, 0, [created])],
                [new SecretWrite(ApiKeySecrets.SecretKind, keyId, ApiKeySecrets.Hash(secret))])
            {
                StoredReply = new Proto.CreateApiKeyResponse { ApiKey = key },
            };
        }, ct);
    }

    public async Task<Proto.ListApiKeysResponse> ListApiKeysAsync(Caller caller, Proto.ListApiKeysRequest request, CancellationToken ct)
    {
        new Violations().Text("agency_id", request.AgencyId).ThrowIfAny();
        caller.EnsureActs(request.AgencyId, "Agency", request.AgencyId, "Listing API keys", Role.AgencyAdmin, Role.Auditor);
        var list = "api-keys\n" + request.AgencyId;
        var page = await store.Access.ListApiKeysAsync(request.AgencyId, pageTokens.Decode(request.PageToken, list),
            PageTokens.Size(request.PageSize), ct);
        return new Proto.ListApiKeysResponse
        {
            ApiKeys = { page.Items.Select(Mapping.ToProto) }, NextPageToken = pageTokens.Encode(page.NextAfter, list),
        };
    }

    public Task<Proto.ApiKey> RevokeApiKeyAsync(Caller caller, Proto.RevokeApiKeyRequest request, CancellationToken ct)
    {
        new Violations().Text("id", request.Id).ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.AuthService.AuthServiceBase.RevokeApiKey));
        return executor.ExecuteAsync(context, async now =>
        {
            var key = await store.Access.GetApiKeyAsync(request.Id, ct) ?? throw new NotFoundException("ApiKey", request.Id);
            var revoked = AccessRules.RevokeApiKey(caller, key);
            // A key stream holds its creation and at most one revocation, so version 1 is the only one to revoke from.
            return new Decision<Proto.ApiKey>(Mapping.ToProto(key with { RevokedAt = now }),
                new StreamWrite(Streams.ApiKey(key.Id), key.AgencyId, 1, [revoked]));
        }, ct);
    }
}
