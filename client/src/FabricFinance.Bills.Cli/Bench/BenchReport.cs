namespace FabricFinance.Bills.Cli.Bench;

/// <summary>Everything one <c>fabfin bench</c> run measured: the document <c>--json</c> prints.</summary>
/// <param name="StartedAt">When the run started.</param>
/// <param name="Network">The network.json used.</param>
/// <param name="Channel">The channel.</param>
/// <param name="RunToken">Starts every bill id of the run.</param>
/// <param name="Settings">The run's settings.</param>
/// <param name="Machine">The machine, its load and its clock tick.</param>
/// <param name="Notes">What could not be measured, and why.</param>
/// <param name="Runs">Every phase, in the order run.</param>
/// <param name="Comparisons">The chaincode against the baseline of <c>--compare</c>.</param>
/// <param name="Targets">Issue 7's targets against the figures.</param>
internal sealed record BenchReport(
    DateTimeOffset StartedAt,
    string Network,
    string Channel,
    string RunToken,
    BenchRunSettings Settings,
    MachineInfo Machine,
    IReadOnlyList<string> Notes,
    IReadOnlyList<PhaseReport> Runs,
    IReadOnlyList<Comparison> Comparisons,
    IReadOnlyList<TargetCheck> Targets);
