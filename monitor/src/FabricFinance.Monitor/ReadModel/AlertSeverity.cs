namespace FabricFinance.Monitor.ReadModel;

/// <summary>How urgent an alert looks.</summary>
public enum AlertSeverity
{
    /// <summary>Unusual; worth a look.</summary>
    Notice,

    /// <summary>A pattern that often goes with abuse.</summary>
    Warning,

    /// <summary>A pattern that rarely has an innocent explanation.</summary>
    Critical,
}
