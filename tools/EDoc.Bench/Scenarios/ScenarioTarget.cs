using EDoc.Bench.Hosting;
using Grpc.Core;

namespace EDoc.Bench.Scenarios;

/// <summary>What a scenario calls: the server's channels and a signed-in agency administrator.</summary>
/// <param name="Channels">Channels to the server under test.</param>
/// <param name="AgencyAdmin">Bearer-token metadata of the administrator of <paramref name="AgencyId"/>.</param>
/// <param name="AgencyId">The demo agency the scenarios read and write.</param>
internal sealed record ScenarioTarget(ChannelPool Channels, Metadata AgencyAdmin, string AgencyId);
