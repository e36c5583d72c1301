using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Bills.Contract.Internal;

/// <summary>
/// The refusals of the bill contract: a <see cref="ContractException"/> whose message is
/// <c>CODE: sentence</c> (<see cref="BillErrorCodes.Format"/>). Callers build the sentence so that it
/// names the bill, deal or party concerned.
/// </summary>
internal static class Refusal
{
    public static ContractException InvalidArgument(string sentence) => Create(BillErrorCode.InvalidArgument, sentence);

    public static ContractException NotFound(string sentence) => Create(BillErrorCode.NotFound, sentence);

    public static ContractException AlreadyExists(string sentence) => Create(BillErrorCode.AlreadyExists, sentence);

    public static ContractException Forbidden(string sentence) => Create(BillErrorCode.Forbidden, sentence);

    public static ContractException InvalidState(string sentence) => Create(BillErrorCode.InvalidState, sentence);

    public static ContractException NotTransferable(string sentence) => Create(BillErrorCode.NotTransferable, sentence);

    public static ContractException NotDue(string sentence) => Create(BillErrorCode.NotDue, sentence);

    public static ContractException Overdue(string sentence) => Create(BillErrorCode.Overdue, sentence);

    public static ContractException Frozen(string sentence) => Create(BillErrorCode.Frozen, sentence);

    private static ContractException Create(BillErrorCode code, string sentence) => new(BillErrorCodes.Format(code, sentence));
}
