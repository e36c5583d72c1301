namespace FabricFinance.Bills;

/// <summary>The argument (and result) of <c>InitLedger</c>: who the exchange and the regulator are.</summary>
/// <param name="ExchangeMspId">The exchange's MSP; its admins may initialize the ledger.</param>
/// <param name="Exchange">The exchange party.</param>
/// <param name="RegulatorMspId">The regulator's MSP.</param>
/// <param name="Regulator">The regulator party.</param>
public sealed record LedgerConfig(string ExchangeMspId, InstitutionInfo Exchange, string RegulatorMspId, InstitutionInfo Regulator);
