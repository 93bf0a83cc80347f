namespace EDoc.System.Tests.Infrastructure;

/// <summary>
/// The fixtures' own tests start and stop servers and check ports and directories, so they run on their own,
/// after the parallel collections, instead of competing with heavy tests for the two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InfrastructureCollection
{
    public const string Name = "Infrastructure";
}
