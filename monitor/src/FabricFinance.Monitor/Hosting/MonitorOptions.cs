using FabricFinance.Monitor.Storage;

namespace FabricFinance.Monitor.Hosting;

/// <summary>
/// The monitor's settings, from the <c>Monitor</c> configuration section (appsettings.json, environment variables such
/// as <c>Monitor__Storage</c>, or the command line such as <c>--Monitor:Storage=Postgres</c>). They are checked when
/// the host starts; an error names the setting.
/// </summary>
public sealed class MonitorOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Monitor";

    /// <summary>The default listen URL.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Gets or sets the folder of the monitor's files (the SQLite database); relative paths are taken from the
    /// content root. Default <c>data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Gets or sets the database of the read model. Default <see cref="StorageProvider.Sqlite"/>.</summary>
    public StorageProvider Storage { get; set; } = StorageProvider.Sqlite;

    /// <summary>Gets or sets the ADO.NET connection string; required for PostgreSQL, and for SQLite by default
    /// <c>Data Source={DataDirectory}/monitor.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets the network description written by <c>scripts/network.sh up</c> (peers, TLS roots, identities). By
    /// default <c>$FABFIN_STATE_DIR/.run/network.json</c> when that variable is set, else the first
    /// <c>network/.run/network.json</c> found from the current folder upwards.
    /// </summary>
    public string? NetworkFile { get; set; }

    /// <summary>Gets or sets the MSP id of the identity the monitor connects as. Default <c>RegulatorMSP</c>.</summary>
    public string Organization { get; set; } = "RegulatorMSP";

    /// <summary>Gets or sets the user of <see cref="Organization"/> in the network description. Default <c>User1</c>.</summary>
    public string User { get; set; } = "User1";

    /// <summary>Gets or sets the MSP id of the peer whose Deliver service the monitor reads; null (the default) for the
    /// peer of <see cref="Organization"/>, which receives the deal terms as a member of every terms collection.</summary>
    public string? PeerOrganization { get; set; }

    /// <summary>Gets or sets the channel; null (the default) for the channel of the network description.</summary>
    public string? Channel { get; set; }

    /// <summary>Gets or sets the chaincode whose transactions the monitor follows. Default <c>bills</c>.</summary>
    public string ChaincodeName { get; set; } = "bills";

    /// <summary>Gets or sets the URL the web pages are served on: http on 127.0.0.1 only. Default
    /// <see cref="DefaultUrl"/>.</summary>
    public string Url { get; set; } = DefaultUrl;

    /// <summary>Gets or sets a value indicating whether the read model is wiped at start and read again from block 0
    /// (the <c>--rebuild</c> command-line switch sets it).</summary>
    public bool Rebuild { get; set; }

    /// <summary>Gets or sets how long the ingestion waits before it reconnects after its block stream failed for
    /// good. Default 5 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
