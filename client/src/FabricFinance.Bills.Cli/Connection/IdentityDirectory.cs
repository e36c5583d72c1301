using FabricFinance.Bills.Cli.Infrastructure;

namespace FabricFinance.Bills.Cli.Connection;

/// <summary>
/// The names fabfin can act as, from network.json. For each org that runs a peer (its name is the MSP id without
/// <c>MSP</c>: <c>BankAMSP</c> is <c>BankA</c>): <c>BankA</c> is its User1 (the institution's client),
/// <c>BankAAdmin</c> its Admin, and <c>BankA.User2</c> any of its users. Each demo party (<c>CoreCorp</c>) is the
/// user its row in <c>parties</c> names. Names match without regard to case.
/// </summary>
internal sealed class IdentityDirectory
{
    private readonly List<CliIdentity> _identities = [];

    public IdentityDirectory(NetworkProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        foreach (var (party, entry) in (profile.Parties ?? new Dictionary<string, PartyProfile>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var org = profile.Orgs.FirstOrDefault(o => o.MspId == entry.MspId);
            if (org?.Users is { } users && users.TryGetValue(entry.User, out var user))
            {
                Add(profile, party, $"party ({entry.User} of {entry.MspId})", entry.MspId, entry.User, user);
            }
        }

        foreach (var org in profile.Orgs)
        {
            if (org.Users is null || !profile.Peers.Any(p => p.MspId == org.MspId))
            {
                continue;
            }

            var orgName = OrgName(org);
            if (org.Users.TryGetValue("User1", out var client))
            {
                Add(profile, orgName, "institution client (User1)", org.MspId, "User1", client);
            }

            if (org.Users.TryGetValue("Admin", out var admin))
            {
                Add(profile, orgName + "Admin", "org admin", org.MspId, "Admin", admin);
            }

            foreach (var (userName, user) in org.Users.OrderBy(u => u.Key, StringComparer.Ordinal))
            {
                Add(profile, $"{orgName}.{userName}", "user", org.MspId, userName, user);
            }
        }
    }

    /// <summary>Gets every name, parties first, then each org's client, admin and users.</summary>
    public IReadOnlyList<CliIdentity> All => _identities;

    /// <summary>The identity a name stands for.</summary>
    /// <exception cref="CliUsageException">No name, or a name that is not in the directory.</exception>
    public CliIdentity Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new CliUsageException(
                $"Say who acts: --as NAME (or set {CliEnvironment.AsVariable}). Names: {Summary()}; `fabfin identities` lists them all.");
        }

        return _identities.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new CliUsageException($"Unknown identity '{name}'. Names: {Summary()}; `fabfin identities` lists them all.");
    }

    private static string OrgName(OrgProfile org) =>
        org.MspId.EndsWith("MSP", StringComparison.Ordinal) && org.MspId.Length > 3 ? org.MspId[..^3] : org.Key ?? org.MspId;

    private string Summary() =>
        string.Join(", ", _identities.Where(i => !i.Name.Contains('.', StringComparison.Ordinal)).Select(i => i.Name));

    private void Add(NetworkProfile profile, string name, string role, string mspId, string userName, UserProfile user)
    {
        if (_identities.Any(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return; // a party named like an org keeps the name
        }

        var peer = profile.Peers.FirstOrDefault(p => p.MspId == mspId);
        _identities.Add(new CliIdentity(name, role, mspId, userName, profile.Resolve(user.Cert), profile.Resolve(user.Key), peer));
    }
}
