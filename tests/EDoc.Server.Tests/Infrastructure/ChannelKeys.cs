using EDoc.Contracts.Demo;
using EDoc.Testing.Hosting;

namespace EDoc.Server.Tests.Infrastructure;

/// <summary>Citizen channels of the tests: API keys of gov4c with the channel role, which only the system administrator grants.</summary>
internal static class ChannelKeys
{
    /// <summary>A new channel key's calls to the server, as the eGov portal makes them.</summary>
    public static async Task<CallInvoker> CreateAsync(EDocTestServer server)
    {
        var admin = new AuthService.AuthServiceClient(await server.LoginAsync(DemoDirectory.AdminUsername, EDocTestServer.AdminPassword));
        var key = await admin.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            RequestId = TestData.RequestId(), AgencyId = "gov4c", DisplayName = "eGov portal (test)", Roles = { Role.Channel },
        });
        return server.WithApiKey(key.Secret);
    }
}
