namespace FabricFinance.Bills.Cli.Bench;

/// <summary>One target of issue 7 against a run's figures.</summary>
/// <param name="Target">The target, as the issue states it.</param>
/// <param name="Measured">What the run measured for it, or why it could not.</param>
/// <param name="Met">Whether it was met; <see langword="null"/> when the run did not measure it.</param>
internal sealed record TargetCheck(string Target, string Measured, bool? Met);
