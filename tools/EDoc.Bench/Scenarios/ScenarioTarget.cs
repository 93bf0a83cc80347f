using EDoc.Bench.Hosting;
using Grpc.Core;

namespace EDoc.Bench.Scenarios;

/// <summary>What a scenario calls: the server's channels and a signed-in agency administrator.</summary>
/// <param name="Channels">Channels to the server under test.</param>
/// <param name="AgencyAdmin">Bearer-token metadata of the administrator of <paramref name="AgencyId"/>.</param>
/// <param name="SystemAdmin">Bearer-token metadata of the system administrator, who alone creates citizen-channel keys.</param>
/// <param name="AgencyId">The demo agency the scenarios read and write.</param>
/// <param name="Quick">A --quick smoke run: scenarios with costly set-up or calls keep them small.</param>
internal sealed record ScenarioTarget(ChannelPool Channels, Metadata AgencyAdmin, Metadata SystemAdmin, string AgencyId, bool Quick = false);
