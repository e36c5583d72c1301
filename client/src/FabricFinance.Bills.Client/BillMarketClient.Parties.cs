using FabricFinance.Bills.Client.Internal;
using FabricFinance.Client.Errors;

namespace FabricFinance.Bills.Client;

/// <content>The bootstrap and party transactions.</content>
public sealed partial class BillMarketClient
{
    /// <summary>
    /// <c>InitLedger</c>: registers the exchange and the regulator as institution parties, once. Only an admin identity
    /// of <see cref="LedgerConfig.ExchangeMspId"/> may call it.
    /// </summary>
    /// <param name="config">Who the exchange and the regulator are.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The configuration stored, with the transaction id and block number.</returns>
    /// <exception cref="ArgumentException">
    /// An MSP id, party id or name of <paramref name="config"/> is missing or invalid; nothing was sent.
    /// </exception>
    /// <exception cref="BillAlreadyExistsException">The ledger is initialized already.</exception>
    /// <exception cref="BillForbiddenException">The caller is not an admin of the exchange's MSP.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="BillConflictException">
    /// Another transaction changed the same records first; nothing changed.
    /// </exception>
    /// <exception cref="GatewayException">
    /// Fabric failed to endorse (<see cref="EndorseException"/>), order (<see cref="SubmitException"/>) or report the
    /// commit (<see cref="CommitStatusException"/>).
    /// </exception>
    /// <exception cref="CommitException">
    /// The transaction was committed as invalid for another reason than a read conflict.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Committed<LedgerConfig>> InitLedgerAsync(LedgerConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        Require.MspId(config.ExchangeMspId, $"{nameof(config)}.{nameof(LedgerConfig.ExchangeMspId)}");
        Require.MspId(config.RegulatorMspId, $"{nameof(config)}.{nameof(LedgerConfig.RegulatorMspId)}");
        RequireInstitution(config.Exchange, $"{nameof(config)}.{nameof(LedgerConfig.Exchange)}");
        RequireInstitution(config.Regulator, $"{nameof(config)}.{nameof(LedgerConfig.Regulator)}");
        return SubmitAsync<LedgerConfig>(BillTransactions.InitLedger, Arguments(BillArguments.Json(config)), cancellationToken);
    }

    /// <summary><c>RegisterParty</c>: the exchange admits a party (active from now on).</summary>
    /// <param name="registration">
    /// The party's id, kind, MSP, display name and, for an enterprise, its certificate subject (<see
    /// cref="PartySubject"/>).
    /// </param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The party registered, with the transaction id and block number.</returns>
    /// <exception cref="ArgumentException">
    /// A member of <paramref name="registration"/> is missing, too long or invalid; nothing was sent.
    /// </exception>
    /// <exception cref="BillAlreadyExistsException">
    /// The id is taken, or a party already acts for the same MSP and subject (or is the MSP's institution party).
    /// </exception>
    /// <exception cref="BillForbiddenException">The caller does not act for the exchange.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="BillConflictException">
    /// Another transaction changed the same records first; nothing changed.
    /// </exception>
    /// <exception cref="GatewayException">
    /// Fabric failed to endorse (<see cref="EndorseException"/>), order (<see cref="SubmitException"/>) or report the
    /// commit (<see cref="CommitStatusException"/>).
    /// </exception>
    /// <exception cref="CommitException">
    /// The transaction was committed as invalid for another reason than a read conflict.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Committed<Party>> RegisterPartyAsync(PartyRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        Require.Id(registration.Id, $"{nameof(registration)}.{nameof(PartyRegistration.Id)}");
        Require.Defined(registration.Kind, $"{nameof(registration)}.{nameof(PartyRegistration.Kind)}");
        Require.MspId(registration.MspId, $"{nameof(registration)}.{nameof(PartyRegistration.MspId)}");
        Require.Name(registration.Name, $"{nameof(registration)}.{nameof(PartyRegistration.Name)}");
        Require.OptionalSubject(registration.Subject, $"{nameof(registration)}.{nameof(PartyRegistration.Subject)}");
        return SubmitAsync<Party>(BillTransactions.RegisterParty, Arguments(BillArguments.Json(registration)), cancellationToken);
    }

    /// <summary>
    /// <c>SetPartyStatus</c>: the exchange suspends a party (it may then do nothing) or makes it active again.
    /// </summary>
    /// <param name="partyId">The party.</param>
    /// <param name="status">The new status.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The party as changed, with the transaction id and block number.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="partyId"/> is not a valid id, or <paramref name="status"/> is not defined; nothing was sent.
    /// </exception>
    /// <exception cref="BillNotFoundException">No such party.</exception>
    /// <exception cref="BillForbiddenException">The caller does not act for the exchange.</exception>
    /// <exception cref="BillInvalidArgumentException">
    /// The party is the exchange or the regulator, which cannot be suspended.
    /// </exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="BillConflictException">
    /// Another transaction changed the same records first; nothing changed.
    /// </exception>
    /// <exception cref="GatewayException">
    /// Fabric failed to endorse (<see cref="EndorseException"/>), order (<see cref="SubmitException"/>) or report the
    /// commit (<see cref="CommitStatusException"/>).
    /// </exception>
    /// <exception cref="CommitException">
    /// The transaction was committed as invalid for another reason than a read conflict.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Committed<Party>> SetPartyStatusAsync(string partyId, PartyStatus status, CancellationToken cancellationToken = default)
    {
        Require.Id(partyId, nameof(partyId));
        Require.Defined(status, nameof(status));
        var text = status == PartyStatus.Active ? "active" : "suspended";
        return SubmitAsync<Party>(BillTransactions.SetPartyStatus, Arguments(partyId, text), cancellationToken);
    }

    private static void RequireInstitution(InstitutionInfo? institution, string name)
    {
        ArgumentNullException.ThrowIfNull(institution, name);
        Require.Id(institution.Id, $"{name}.{nameof(InstitutionInfo.Id)}");
        Require.Name(institution.Name, $"{name}.{nameof(InstitutionInfo.Name)}");
    }
}
