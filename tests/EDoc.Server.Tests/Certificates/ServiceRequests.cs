namespace EDoc.Server.Tests.Certificates;

/// <summary>Waiting for the manual-certificate job, which answers approved requests in the background.</summary>
internal static class ServiceRequests
{
    /// <summary>How long a test waits for the job (it runs every second) before it looks at what is there.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>The request once it is no longer pending, or as it stands when patience runs out.</summary>
    public static async Task<ServiceRequest> AnsweredAsync(CertificateService.CertificateServiceClient channel, string id)
    {
        var until = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var request = await channel.GetServiceRequestAsync(new GetServiceRequestRequest { Id = id });
            if (request.State != ServiceRequest.Types.State.Pending || DateTimeOffset.UtcNow > until) return request;
            await Task.Delay(200);
        }
    }
}
