namespace FabricFinance.Bills.Cli;

/// <summary>fabfin's exit codes, one per kind of outcome (documented in docs/fabfin.md).</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The bill contract refused the transaction or query (a rulebook code: NOT_FOUND, FORBIDDEN, ...).</summary>
    public const int Refused = 1;

    /// <summary>
    /// The command line is wrong: unknown command or option, a missing or invalid value, an unknown identity.
    /// </summary>
    public const int Usage = 2;

    /// <summary>
    /// The network could not be used: no network.json, unreadable credentials, a peer not reachable, or another Fabric
    /// failure.
    /// </summary>
    public const int Network = 3;

    /// <summary>
    /// The transaction lost a race: another transaction changed the same bill or deal first (MVCC read conflict at
    /// commit).
    /// </summary>
    public const int Conflict = 4;

    /// <summary>A deal's private terms do not hash to its public terms hash.</summary>
    public const int TermsMismatch = 5;

    /// <summary>Something unexpected: an answer fabfin cannot read, or a bug.</summary>
    public const int Unexpected = 6;

    /// <summary>Interrupted by Ctrl+C before the command finished (a transaction may still commit).</summary>
    public const int Interrupted = 130;
}
