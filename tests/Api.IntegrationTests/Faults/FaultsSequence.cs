namespace WorkOrders.Api.IntegrationTests.Faults;

/// <summary>The fault tests start real API processes, kill them, restart PostgreSQL: they run one at a time, after
/// the parallel tests, so their timings are not mixed up with the rest of the suite's load.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsSequence
{
    public const string Name = "Faults";
}
