using FabricFinance.Bills.Contract.Internal;
using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Bills.Contract;

/// <content>Bootstrap and parties: <c>InitLedger</c>, <c>RegisterParty</c>, <c>SetPartyStatus</c>, <c>GetParty</c>, <c>ListParties</c>.</content>
public sealed partial class BillContract
{
    /// <summary>
    /// Initializes the ledger once: registers the exchange and the regulator as the institution
    /// parties of their MSPs. Only an admin (NodeOU) of <see cref="LedgerConfig.ExchangeMspId"/> may call it.
    /// </summary>
    /// <param name="context">The transaction.</param>
    /// <param name="config">Who the exchange and the regulator are.</param>
    /// <returns>The config; also the payload of <c>LedgerInitialized</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c> (malformed config, one MSP or one party id for both), <c>FORBIDDEN</c>
    /// (not an admin of the exchange MSP), <c>ALREADY_EXISTS</c> (initialized before).
    /// </exception>
    [Transaction]
    public async Task<LedgerConfig> InitLedger(Context context, LedgerConfig config)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);

        // 1. Form.
        Checks.MspId(config.ExchangeMspId, "exchangeMspId");
        Checks.Id(config.Exchange.Id, "exchange party id");
        Checks.FreeText(config.Exchange.Name, $"name of party {config.Exchange.Id}", BillRules.MaxNameLength);
        Checks.MspId(config.RegulatorMspId, "regulatorMspId");
        Checks.Id(config.Regulator.Id, "regulator party id");
        Checks.FreeText(config.Regulator.Name, $"name of party {config.Regulator.Id}", BillRules.MaxNameLength);
        if (config.Exchange.Id == config.Regulator.Id)
        {
            throw Refusal.InvalidArgument($"party {config.Exchange.Id} cannot be both the exchange and the regulator.");
        }

        if (config.ExchangeMspId == config.RegulatorMspId)
        {
            throw Refusal.InvalidArgument(
                $"the exchange {config.Exchange.Id} and the regulator {config.Regulator.Id} cannot both be the institution party of MSP {config.ExchangeMspId}.");
        }

        // 6. Permission: an admin of the exchange's MSP.
        var identity = context.ClientIdentity;
        if (identity.MspId != config.ExchangeMspId || !identity.IsAdmin)
        {
            throw Refusal.Forbidden(
                $"only an admin of {config.ExchangeMspId} may initialize the ledger for the exchange {config.Exchange.Id}; the caller is {(identity.IsAdmin ? "an admin" : "not an admin")} of {identity.MspId}.");
        }

        // 7. Once.
        var state = new BillState(context);
        if (await state.GetConfigAsync().ConfigureAwait(false) is { } existing)
        {
            throw Refusal.AlreadyExists($"the ledger is already initialized, with the exchange {existing.Exchange.Id} and the regulator {existing.Regulator.Id}.");
        }

        await state.PutConfigAsync(config).ConfigureAwait(false);
        await state.AddPartyAsync(new Party(config.Exchange.Id, PartyKind.Exchange, config.ExchangeMspId, null, config.Exchange.Name, PartyStatus.Active)).ConfigureAwait(false);
        await state.AddPartyAsync(new Party(config.Regulator.Id, PartyKind.Regulator, config.RegulatorMspId, null, config.Regulator.Name, PartyStatus.Active)).ConfigureAwait(false);
        return Emit(context, BillEvents.LedgerInitialized, config);
    }

    /// <summary>Admits a bank or an enterprise as an active party. The exchange only.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="registration">The party: id, kind (bank or enterprise), MSP, optional certificate subject, name.</param>
    /// <returns>The new party; also the payload of <c>PartyRegistered</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c> (malformed, or of kind exchange or regulator), <c>FORBIDDEN</c> (not the
    /// exchange), <c>ALREADY_EXISTS</c> (the id, or a party for the same MSP and subject).
    /// </exception>
    [Transaction]
    public async Task<Party> RegisterParty(Context context, PartyRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(registration);

        // 1. Form.
        Checks.Id(registration.Id, "party id");
        Checks.MspId(registration.MspId, $"mspId of party {registration.Id}");
        Checks.FreeText(registration.Name, $"name of party {registration.Id}", BillRules.MaxNameLength);
        if (registration.Subject is not null)
        {
            Checks.Subject(registration.Subject, registration.Id);
        }

        if (registration.Kind is PartyKind.Exchange or PartyKind.Regulator)
        {
            throw Refusal.InvalidArgument(
                $"party {registration.Id} cannot be registered as {Text.Kind(registration.Kind)}: the exchange and the regulator are registered once, by InitLedger.");
        }

        // 6. Permission.
        var state = new BillState(context);
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        Callers.RequireKind(caller, context.ClientIdentity, $"only the exchange may register party {registration.Id}", PartyKind.Exchange);

        // 7. Unique id and identity.
        if (await state.GetPartyAsync(registration.Id).ConfigureAwait(false) is not null)
        {
            throw Refusal.AlreadyExists($"party {registration.Id} already exists.");
        }

        if (await state.FindPartyIdAsync(registration.MspId, registration.Subject).ConfigureAwait(false) is { } other)
        {
            throw Refusal.AlreadyExists(registration.Subject is null
                ? $"party {other} is already the institution party of {registration.MspId}; party {registration.Id} cannot be another."
                : $"party {other} already acts for {registration.MspId} subject {Text.Quote(registration.Subject)}; party {registration.Id} cannot act for it too.");
        }

        var party = new Party(registration.Id, registration.Kind, registration.MspId, registration.Subject, registration.Name, PartyStatus.Active);
        await state.AddPartyAsync(party).ConfigureAwait(false);
        return Emit(context, BillEvents.PartyRegistered, party);
    }

    /// <summary>Suspends or reactivates a party. The exchange only; the exchange and the regulator cannot be suspended.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="partyId">The party.</param>
    /// <param name="status"><c>active</c> or <c>suspended</c>.</param>
    /// <returns>The changed party; also the payload of <c>PartyStatusChanged</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c> (malformed, or suspending the exchange or regulator), <c>NOT_FOUND</c>,
    /// <c>FORBIDDEN</c> (not the exchange), <c>INVALID_STATE</c> (the party already has that status).
    /// </exception>
    [Transaction]
    public async Task<Party> SetPartyStatus(Context context, string partyId, PartyStatus status)
    {
        ArgumentNullException.ThrowIfNull(context);

        // 1. Form.
        Checks.Id(partyId, "party id");
        if (!Enum.IsDefined(status))
        {
            throw Refusal.InvalidArgument($"status of party {partyId} must be active or suspended.");
        }

        // 2. The named party: the exchange and the regulator are never suspended.
        var state = new BillState(context);
        var party = await state.GetPartyAsync(partyId).ConfigureAwait(false);
        if (party is { Kind: PartyKind.Exchange or PartyKind.Regulator } && status == PartyStatus.Suspended)
        {
            throw Refusal.InvalidArgument($"party {partyId} is the {Text.Kind(party.Kind)} and cannot be suspended.");
        }

        // 5. Exists.
        if (party is null)
        {
            throw Refusal.NotFound($"party {partyId} does not exist.");
        }

        // 6. Permission.
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        Callers.RequireKind(caller, context.ClientIdentity, $"only the exchange may change the status of party {partyId}", PartyKind.Exchange);

        // 11. A change.
        if (party.Status == status)
        {
            throw Refusal.InvalidState($"party {partyId} is already {Text.Status(status)}.");
        }

        var changed = party with { Status = status };
        await state.PutPartyAsync(changed).ConfigureAwait(false);
        return Emit(context, BillEvents.PartyStatusChanged, changed);
    }

    /// <summary>Reads a party. Public.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="partyId">The party.</param>
    /// <returns>The party.</returns>
    /// <exception cref="ContractException"><c>INVALID_ARGUMENT</c> (malformed id), <c>NOT_FOUND</c>.</exception>
    [Transaction(Evaluate = true)]
    public async Task<Party> GetParty(Context context, string partyId)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.Id(partyId, "party id");
        return await new BillState(context).GetPartyAsync(partyId).ConfigureAwait(false)
            ?? throw Refusal.NotFound($"party {partyId} does not exist.");
    }

    /// <summary>Lists every party, ordered by id. Public.</summary>
    /// <param name="context">The transaction.</param>
    /// <returns>The parties.</returns>
    [Transaction(Evaluate = true)]
    public async Task<List<Party>> ListParties(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parties = new List<Party>();
        await foreach (var entry in context.Stub.GetStateByPartialCompositeKeyAsync(StateKeys.Party, [], context.CancellationToken).ConfigureAwait(false))
        {
            parties.Add(BillState.Parse<Party>(entry.Value.Span, "party " + CompositeKey.Split(entry.Key).Attributes[0]));
        }

        return parties;
    }
}
