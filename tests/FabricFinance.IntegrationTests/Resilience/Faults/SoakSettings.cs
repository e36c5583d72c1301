using System.Globalization;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// The soak's settings, from the environment <c>scripts/soak.sh</c> sets: <c>FABFIN_SOAK_MINUTES</c>
/// (the soak runs only when it is set), <c>FABFIN_SOAK_FAULT_EVERY_MINUTES</c> (5),
/// <c>FABFIN_SOAK_WORKERS</c> (6) and <c>FABFIN_SOAK_REPORT</c> (the Markdown report's path,
/// <c>TestResults/soak/soak-{time}.md</c> by default).
/// </summary>
internal sealed record SoakSettings(TimeSpan Duration, TimeSpan FaultEvery, int Workers, string ReportPath)
{
    /// <summary>Why the soak did not run, and how to run it.</summary>
    public const string SkipReason =
        "The soak runs only when asked: scripts/soak.sh [--minutes 30] [--fault-every 5] (it sets FABFIN_SOAK_MINUTES and runs this test).";

    /// <summary>The settings, or <see langword="null"/> when <c>FABFIN_SOAK_MINUTES</c> is not set.</summary>
    public static SoakSettings? FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable("FABFIN_SOAK_MINUTES") is not { Length: > 0 } minutes)
        {
            return null;
        }

        var report = Environment.GetEnvironmentVariable("FABFIN_SOAK_REPORT") is { Length: > 0 } path
            ? path
            : Path.Combine(Repository.Root, "TestResults", "soak", $"soak-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        return new SoakSettings(
            TimeSpan.FromMinutes(Positive("FABFIN_SOAK_MINUTES", minutes)),
            TimeSpan.FromMinutes(Positive("FABFIN_SOAK_FAULT_EVERY_MINUTES", Environment.GetEnvironmentVariable("FABFIN_SOAK_FAULT_EVERY_MINUTES") ?? "5")),
            (int)Positive("FABFIN_SOAK_WORKERS", Environment.GetEnvironmentVariable("FABFIN_SOAK_WORKERS") ?? "6"),
            report);
    }

    private static double Positive(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new InvalidOperationException($"{name} must be a positive number, not '{value}'.");
}
