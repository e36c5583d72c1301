namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>What a field of a JSON argument is, so the generator knows which values break its rule.</summary>
internal enum HostileField
{
    Id,
    BillId,
    PartyId,
    Amount,
    OptionalAmount,
    DueDate,
    Boolean,
    BillKind,
    PartyKind,
    MspId,
    Name,
    Subject,
    Institution,
    FilterParty,
    FilterStatus,
    FilterDate,
}
