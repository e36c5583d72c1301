namespace FabricFinance.Bills.Cli.Bench;

/// <summary>The settings of a run, as the report records them.</summary>
internal sealed record BenchRunSettings(
    IReadOnlyList<string> Chaincodes,
    IReadOnlyList<string> Workloads,
    IReadOnlyList<int> Levels,
    int Rounds,
    double WarmupSeconds,
    double DurationSeconds,
    int SubmitPercent,
    DateTimeOffset ProposalTime,
    DateOnly DueDate,
    BenchCast Cast);
